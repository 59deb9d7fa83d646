using FinanceBuilder.Web.Calculators;

namespace FinanceBuilder.Web.Tests.Participation;

/// The k = 5 rule: no shown figure, alone or with its line's total, gives away a count of 1 to 4.
public sealed class SmallCountsTests
{
    [Fact]
    public void ALargeList_IsShownWhole()
    {
        var (cells, total) = SmallCounts.List([12, 0, 30]);
        Assert.Equal(new long?[] { 12, 0, 30 }, cells);
        Assert.Equal(42, total);
    }

    [Fact]
    public void ASmallCount_IsHidden_AndASecondCell_SoTheTotalCannotGiveItBack()
    {
        var (cells, total) = SmallCounts.List([40, 3, 12, 25]);
        Assert.Equal(new long?[] { 40, null, null, 25 }, cells);
        Assert.Equal(80, total);
    }

    [Fact]
    public void WithNoOtherCellToHide_TheTotalIsHidden()
    {
        var (cells, total) = SmallCounts.List([2, 0]);
        Assert.Equal(new long?[] { null, 0 }, cells);
        Assert.Null(total);
    }

    [Fact]
    public void TwoSmallCounts_ProtectEachOther()
    {
        var (cells, total) = SmallCounts.List([3, 4, 20]);
        Assert.Equal(new long?[] { null, null, 20 }, cells);
        Assert.Equal(27, total);
    }

    /// Every random table: each shown row or column with a hidden cell hides at least two, so no
    /// subtraction recovers one; and no shown figure is between 1 and 4.
    [Fact]
    public void NoRandomTable_LeaksASmallCount()
    {
        var random = new Random(17);
        for (var run = 0; run < 2_000; run++)
        {
            var rows = random.Next(1, 5);
            var columns = random.Next(1, 7);
            var counts = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                    counts[r, c] = random.Next(3) == 0 ? random.Next(0, 5) : random.Next(0, 60);
            }
            var table = SmallCounts.Suppress(counts, rowTotals: true, columnTotals: true);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                    Assert.False(table.Cells[r, c] is > 0 and < SmallCounts.K, $"run {run}: a small count shown");
                var hiddenInRow = Enumerable.Range(0, columns).Count(c => table.Cells[r, c] is null);
                Assert.False(hiddenInRow == 1 && table.RowTotals[r] is not null, $"run {run}: row {r} gives back its hidden cell");
            }
            for (var c = 0; c < columns; c++)
            {
                var hiddenInColumn = Enumerable.Range(0, rows).Count(r => table.Cells[r, c] is null);
                Assert.False(hiddenInColumn == 1 && table.ColumnTotals[c] is not null, $"run {run}: column {c} gives back its hidden cell");
            }
        }
    }

    [Fact]
    public void CountsWithNoTotal_HideOnlyTheSmallOnes() =>
        Assert.Equal(new long?[] { 6, null, 0, 12 }, SmallCounts.Each([6, 2, 0, 12]));

    [Fact]
    public void KCanOnlyBeRaised() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCounts.Suppress(new long[1, 1], true, true, k: 3));

    /// The funding proposal's section G prints the proposal's own consultation rows: their
    /// counts of people go through the same rule as the annex made from the records.
    [Fact]
    public void TheFundingProposalsConsultationRows_HideSmallCounts()
    {
        var proposal = FinanceBuilder.Web.Tests.Documents.PackTestKit.Sample(FinanceBuilder.Web.Tests.Documents.PackTestKit.SampleNames[0], FinanceBuilder.Web.Proposals.Model.Language.En);
        var rows = proposal.Stakeholders.Consultations;
        Assert.True(rows.Count >= 2);
        rows[0].Participants = new FinanceBuilder.Web.Proposals.Model.PeopleCount { Female = 3, Male = 20 };
        rows[1].Participants = new FinanceBuilder.Web.Proposals.Model.PeopleCount { Female = 2 };

        var markdown = FinanceBuilder.Web.Tests.Documents.PackTestKit.Render("gcf-funding-proposal", proposal);

        var table = markdown[markdown.IndexOf("| Date | Place | Format | Participants | Women |", StringComparison.Ordinal)..];
        var lines = table.Split('\n').TakeWhile(l => l.StartsWith('|')).ToList();
        // Markdown escapes the "<" (the documents print "< 5").
        Assert.Contains(lines, l => l.Contains("| 23 | \\< 5 |", StringComparison.Ordinal)); // 3 women of 23: the total alone gives nobody away
        Assert.Contains(lines, l => l.Contains("| \\< 5 | \\< 5 |", StringComparison.Ordinal)); // 2 people, both women
        Assert.DoesNotContain(lines, l => l.Contains("| 3 |", StringComparison.Ordinal) || l.Contains("| 2 |", StringComparison.Ordinal));
    }
}
