using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Templates.Tests.Pdf;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// Every pack keeps the funder's length limits on the three samples, measured on the PDF it
/// really generates; a document that does not fit gets the finding that says by how many pages,
/// and the report's length table, its findings and manifest.json tell the same count.
[Trait("Database", "None")]
public sealed class PageLimitTests
{
    public static TheoryData<string, string, string> SamplesByPack()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var sample in new[] { "mitigation-tamale-solar-led.json", "adaptation-cotonou-drainage-fr.json", "crosscutting-cuenca-watershed-bus.json" })
        {
            foreach (var pack in new[] { "gcf-concept-note", "gcf-funding-proposal", "gcf-sap" })
            {
                data.Add(sample, pack, "en");
                data.Add(sample, pack, "fr");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesByPack))]
    public async Task Sample_FitsThePacksLimits_OnTheRealPageCount(string sample, string pack, string lang)
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText(sample), pack, lang);

        var limits = package.Report.Limits!;
        Assert.Equal(package.Pages, package.Report.Length!.Pages);
        Assert.Equal(package.Pages, PdfLayoutChecks.PageTexts(package.File("pdf")!.Content).Count);
        Assert.True(package.Pages <= limits.Pages || package.Words <= limits.Words,
            $"{pack} {lang}: {package.Pages} pages (limit {limits.Pages}), {package.Words} words (limit {limits.Words?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        Assert.DoesNotContain(package.Report.Findings, f => f.MessageKey.EndsWith(".Measured", StringComparison.Ordinal));
        // The wizard's estimate, made before any document exists, is within two pages of it.
        var proposal = new FinanceBuilder.Web.Proposals.Json.ProposalReader().Read(System.Text.Encoding.UTF8.GetBytes(Samples.ReadText(sample)), System.Globalization.CultureInfo.InvariantCulture).Proposal!;
        var estimate = ProposalValidation.EstimatedPages(proposal, package.Report.Route)!.Value;
        Assert.InRange(estimate, package.Pages - 2, package.Pages + 2);
        var manifest = JsonNode.Parse(package.File("manifest")!.Content)!["document"]!;
        Assert.Equal(package.Pages, manifest["pages"]!.GetValue<int>());
        Assert.Equal(limits.Pages, manifest["pageLimit"]!.GetValue<int>());
    }

    [Fact]
    public async Task ConceptNote_ThatDoesNotFit_IsToldByHowManyPages_InTheReportAndItsJson()
    {
        var proposal = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        var narratives = proposal["narratives"]!;
        var paragraph = string.Join(' ', Enumerable.Repeat("The municipal grid upgrade reduces losses and supports the solar street lighting programme.", 40));
        narratives["projectDescription"] = string.Join("\n\n", Enumerable.Repeat(paragraph, 4));
        narratives["theoryOfChange"] = string.Join("\n\n", Enumerable.Repeat(paragraph, 3));

        var package = await TestPackages.BuildAsync(proposal.ToJsonString(), "gcf-concept-note", "en");

        Assert.True(package.Pages > 12, $"{package.Pages} pages");
        var over = package.Pages - 12;
        var expected = $"The generated concept note has {package.Pages} pages against the template’s limit of 12 pages excluding annexes ({over} over).";
        var report = string.Join(" ", PdfLayoutChecks.PageTexts(package.File("report-pdf")!.Content));
        Assert.Contains($"The generated concept note has {package.Pages} pages against", report, StringComparison.Ordinal);
        Assert.Contains($"({over} over)", report, StringComparison.Ordinal);
        Assert.Contains("The document is longer than the funder allows", report, StringComparison.Ordinal);
        Assert.DoesNotContain("by estimate", report, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(package.File("report-json")!.Content);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("ruleId").GetString() == "R-018" && f.GetProperty("message").GetString()!.StartsWith(expected, StringComparison.Ordinal));
        Assert.False(package.Draft); // a warning: the package is final, the reviewer is told
    }
}
