using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Review;

/// Issue 20: the comparison shows what reviewers work out by hand — cost per tonne in total and of
/// GCF money, co-financing per GCF dollar, the GCF's share, GCF dollars per direct beneficiary, the
/// implementation period — marks each row's best and worst, and exports the same table as CSV and
/// XLSX with numbers as numbers and names as text.
public sealed class ComparisonTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheRatiosReviewersCompare_AreWorkedOut_TheBestAndWorstMarked_AndExported()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var second = await world.App.SubmitAsync(proposal, Day.AddDays(1), world.DonorA);
        using (var db = world.App.OpenDb())
        {
            var a = await db.Submissions.SingleAsync(s => s.Id == first);
            var b = await db.Submissions.SingleAsync(s => s.Id == second);
            (a.TotalUsd, a.GcfRequestUsd, a.EmissionReductionsTco2, a.Beneficiaries) = (10_000_000m, 4_000_000m, 50_000m, 20_000);
            (b.TotalUsd, b.GcfRequestUsd, b.EmissionReductionsTco2, b.Beneficiaries) = (12_000_000m, 9_000_000m, 40_000m, 30_000);
            b.Title = "=HYPERLINK(\"http://example.test\")";
            await db.SaveChangesAsync();
        }
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var page = await donor.GetPageAsync($"/review/compare?ids={first}&ids={second}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        string[] Cells(string row) => page.Page.QuerySelector($"tr[data-row='{row}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        // 10 M / 50,000 t and 12 M / 40,000 t; GCF 4 M and 9 M over the same tonnes.
        Assert.Equal(["USD 200 (best)", "USD 300 (worst)"], Cells("Compare.CostPerTonne"));
        Assert.Equal(["USD 80 (best)", "USD 225 (worst)"], Cells("Compare.GcfPerTonne"));
        // Co-financing per GCF dollar: 6 M / 4 M and 3 M / 9 M; the GCF's share 40 % and 75 %.
        Assert.Equal(["USD 1.50 (best)", "USD 0.33 (worst)"], Cells("Compare.CoFinancing"));
        Assert.Equal(["40.0% (best)", "75.0% (worst)"], Cells("Compare.GcfShare"));
        Assert.Equal(["USD 200 (best)", "USD 300 (worst)"], Cells("Compare.GcfPerBeneficiary"));
        // More tonnes is better, more beneficiaries too; rows with no better side are not marked.
        Assert.Equal(["50,000 (best)", "40,000 (worst)"], Cells("Col.Tco2"));
        Assert.Equal(["60 months", "60 months"], Cells("Compare.Duration"));
        Assert.Empty(page.Page.QuerySelectorAll("tr[data-row='Col.Total'] td.best, tr[data-row='Compare.Duration'] td.best"));

        // CSV: the same table, one line per submission, numbers with a point and no grouping.
        var csv = await donor.GetAsync($"/review/compare?ids={first}&ids={second}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var header = Fields(lines[0]);
        var cost = header.IndexOf("Total cost per tCO2e");
        Assert.True(cost > 0, lines[0]);
        Assert.Equal(header.Count, Fields(lines[1]).Count);
        Assert.Equal("200", Fields(lines[1])[cost]);
        // A title that starts like a formula stays text in a spreadsheet.
        Assert.StartsWith("\"'=HYPERLINK(", lines[2], StringComparison.Ordinal);

        // XLSX: a header row and a row per submission; figures are numeric cells.
        var xlsx = await donor.GetAsync($"/review/compare?ids={first}&ids={second}&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, isEditable: false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        var costCell = rows[1].Elements<Cell>().ElementAt(cost);
        Assert.Null(costCell.DataType);
        Assert.Equal(200m, decimal.Parse(costCell.CellValue!.Text, CultureInfo.InvariantCulture));

        // In French, the page words it in French.
        var french = await world.SignInAsync(ReviewWorld.ScorerA, "fr");
        var frenchPage = await french.GetPageAsync($"/review/compare?ids={first}&ids={second}");
        Assert.Contains("Coût total par tCO2e", frenchPage.Page.Text(), StringComparison.Ordinal);
        Assert.Contains("(la meilleure)", frenchPage.Page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWholeList_IsExported_AsFilteredAndSorted_AndOnlyTheReadersSubmissions()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var second = await world.App.SubmitAsync(proposal, Day.AddDays(1), world.DonorA);
        // Shared with another donor only: never in this donor's export.
        await world.SubmitSampleAsync("adaptation-cotonou-drainage-fr.json", Day, world.DonorB);
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        // Every version (not only the latest), oldest first.
        var csv = await donor.GetAsync("/review?latest=false&sort=Submitted&dir=asc&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = Fields(lines[0]);
        Assert.Equal(["V.001", "V.002"], lines.Skip(1).Select(l => Fields(l)[header.IndexOf("Version")]));
        Assert.Contains("GCF funding per tCO2e", header);
        // The implementation period is the comparison's: the list does not open documents.
        Assert.DoesNotContain("Implementation period", header);
        Assert.DoesNotContain(lines, l => l.Contains("Cotonou", StringComparison.Ordinal));

        var xlsx = await donor.GetAsync("/review?format=xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, isEditable: false);
        // The default list: the latest version only.
        Assert.Equal(2, workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await donor.GetAsync("/review?format=pdf")).StatusCode);
    }

    /// The fields of one CSV line (RFC 4180: quoted fields, doubled quotes).
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                (field, i) = (field.Append('"'), i + 1);
            else if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted)
                (fields, field) = ([.. fields, field.ToString()], new StringBuilder());
            else
                field.Append(ch);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public async Task TenSubmissions_AreComparedAtOnce()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (proposal, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        var ids = new List<Guid> { first };
        for (var i = 1; i < 10; i++)
            ids.Add(await world.App.SubmitAsync(proposal, Day.AddDays(i), world.DonorA));
        // Three reviewers have handed in a sheet on each: the consensus rows are computed too.
        using (var db = world.App.OpenDb())
        {
            db.Access.ActAsSystem();
            foreach (var id in ids)
            {
                for (var r = 0; r < 3; r++)
                {
                    db.ReviewerSheets.Add(new ReviewerSheet
                    {
                        Id = Guid.NewGuid(),
                        SubmissionId = id,
                        DonorOrganisationId = world.DonorA,
                        ReviewerUserId = Guid.NewGuid(),
                        ReviewerName = $"Reviewer {r + 1}",
                        AssignedAt = Day,
                        Conflict = ConflictDeclaration.None,
                        DeclaredAt = Day,
                        SubmittedAt = Day,
                        Recommendation = ReviewRecommendation.Endorse,
                        Scores = ReviewScores.Write(Enum.GetValues<FinanceBuilder.Web.Rules.InvestmentCriterion>().Select(c => new CriterionScore(c, 3 + r % 3, "Checked."))),
                    });
                }
            }
            await db.SaveChangesAsync();
        }
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var url = "/review/compare?" + string.Join("&", ids.Select(i => $"ids={i}"));
        var page = await donor.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(10, page.Page.QuerySelectorAll("table.review-compare thead th").Length);
        // Each criterion's consensus: 3, 4 and 5 give 4 on average, two apart.
        Assert.StartsWith("Reviewers: 4 on average (3 to 5, 3 sheets) — reviewers disagree", page.Page.QuerySelector("tr[data-row='Criterion.ImpactPotential'] td")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("Scored", page.Page.QuerySelector("tr[data-row='Col.Status'] td")!.TextContent, StringComparison.Ordinal);
        // The figure of bench/RESULTS.md (not asserted: a test beside hundreds of others measures them).
        var timer = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
            (await donor.GetAsync(url)).EnsureSuccessStatusCode();
        output.WriteLine($"comparison of 10 submissions: {timer.Elapsed.TotalMilliseconds / 5:N0} ms a page (mean of 5, warm)");
    }
}
