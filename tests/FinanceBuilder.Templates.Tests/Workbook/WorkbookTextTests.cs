using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// User text is inert in the workbook: always a string cell, never a formula; text a spreadsheet
/// would read as a formula is marked quotePrefix; characters XML cannot hold are dropped.
public sealed class WorkbookTextTests
{
    public static TheoryData<string, bool> Texts => new()
    {
        { "_x0041_ stays literal", false },
        { "=1+1", true },
        { "=HYPERLINK(\"http://example.com\",\"x\")", true },
        { "+SUM(A1:A2)", true },
        { "-2+3", true },
        { "@SUM(A1)", true },
        { "\tcmd", true },
        { "\r\n=1", true },
        { "{{ 7*7 }}", false },
        { "<script>alert(1)</script>", false },
        { "Solar 🌞 panels", false },
        { "مشروع الطاقة الشمسية", false },
        { "  spaced  ", false },
        { "line\nbreak", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Text_IsAStringCell_NeverAFormula(string text, bool quoted)
    {
        var sheet = BudgetSheets.Small(BudgetSheets.Item("1", text, "Goods", "GCF", "Grant", (2027, 1m)) with { Financier = text });
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Empty(workbook.Errors());
        var cells = new[] { workbook.Cell("Detailed budget", "D7")!, workbook.Cell("Detailed budget", "G7")! };
        Assert.All(cells, cell =>
        {
            Assert.Null(cell.CellFormula);
            Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
            Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), workbook.Text(cell));
            Assert.Equal(quoted, workbook.QuotePrefixed(cell));
        });
    }

    [Fact]
    public void FormulaLikeKeys_AreQuoted_AndStillSummed()
    {
        var sheet = BudgetSheets.Small(BudgetSheets.Item("-1", "Negative-looking id", "Goods", "=GCF", "+Grant", (2027, 3m)));
        using var workbook = WorkbookReader.Write(sheet);

        Assert.Empty(workbook.Errors());
        var id = workbook.Cell("Summary", "A6")!;
        Assert.Equal("-1", workbook.Text(id));
        Assert.True(workbook.QuotePrefixed(id));
        Assert.Equal(3m, WorkbookReader.Number(workbook.Cell("Summary", "G6")!));
        // The source block: GCF/Senior loan, GCF/Grant, three co-financing pairs, then =GCF/+Grant.
        var source = workbook.Cell("Summary", "A16")!;
        Assert.Equal("=GCF", workbook.Text(source));
        Assert.True(workbook.QuotePrefixed(source));
        Assert.True(workbook.QuotePrefixed(workbook.Cell("Summary", "B16")!));
        Assert.Equal(3m, WorkbookReader.Number(workbook.Cell("Summary", "G16")!));
    }

    [Fact]
    public void ControlCharacters_AreDropped()
    {
        var text = "bell\u0007 form\u000C feed \uFFFE lone " + (char)0xD800 + " end";
        using var workbook = WorkbookReader.Write(BudgetSheets.Small(BudgetSheets.Item("1", text, "Goods", "GCF", "Grant", (2027, 1m))));

        Assert.Empty(workbook.Errors());
        Assert.Equal("bell form feed  lone  end", workbook.Text(workbook.Cell("Detailed budget", "D7")!));
    }

    [Fact]
    public void LongText_IsCutAtExcelsLimit_NotInsideASurrogatePair()
    {
        var text = new string('a', CellText.MaxLength - 1) + "🌞" + "tail";
        using var workbook = WorkbookReader.Write(BudgetSheets.Small(BudgetSheets.Item("1", text, "Goods", "GCF", "Grant", (2027, 1m))));

        Assert.Empty(workbook.Errors());
        Assert.Equal(new string('a', CellText.MaxLength - 1), workbook.Text(workbook.Cell("Detailed budget", "D7")!));
        Assert.All(workbook.Cells("Detailed budget").Where(c => c.DataType?.Value == CellValues.SharedString),
            c => Assert.True(workbook.Text(c).Length <= CellText.MaxLength));
    }

    [Fact]
    public void Stream_ThatCannotSeek_GetsTheSameWorkbook()
    {
        using var target = new WriteOnlyStream();

        BudgetWorkbook.Write(BudgetSheets.Small(), target);

        using var copy = new MemoryStream(target.Written.ToArray());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(copy, isEditable: false);
        Assert.Equal(4, document.WorkbookPart!.WorksheetParts.Count());
    }

    private sealed class WriteOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                Written.Dispose();
            base.Dispose(disposing);
        }
    }
}
