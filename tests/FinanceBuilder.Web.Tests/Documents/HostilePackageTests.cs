using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Documents;

/// Issue 5's bad input, through the whole package: the largest proposal the limits allow (every
/// narrative at 20,000 characters, 500 budget lines, 100 indicators) full of text that looks like
/// syntax — Scriban, HTML, Markdown, formulas — right-to-left scripts and emoji. The package
/// generates, the text appears literally, nothing is evaluated, the DOCX validates.
[Trait("Database", "None")]
public sealed class HostilePackageTests
{
    private const string Hostile = "{{ 7*7 }} <script>alert(1)</script> # Heading | pipe | [link](http://example.org) ![img](file:///etc/passwd) مرحبا بالعالم שלום 🌍👩🏽‍🌾 ";

    private static string LargestHostileProposal()
    {
        var proposal = new ProposalReader().Read(Samples.Read("crosscutting-cuenca-watershed-bus.json"), CultureInfo.InvariantCulture).Proposal!;
        var narrative = string.Concat(Enumerable.Repeat(Hostile + "\n\n**bold** *italic*\n- bullet " + Hostile + "\n", 200))[..NarrativeAttribute.MaxLength];
        proposal.Basics.Title = Hostile.Trim();
        var n = proposal.Narratives;
        n.ExecutiveSummary = n.ProjectDescription = n.TheoryOfChange = n.JustificationForGcf = n.ExitStrategy = narrative;
        var c = n.InvestmentCriteria;
        c.ImpactPotential = c.ParadigmShift = c.SustainableDevelopment = c.NeedsOfRecipient = c.CountryOwnership = c.EfficiencyEffectiveness = narrative;
        var lines = proposal.Budget.Lines.ToList();
        for (var i = 0; proposal.Budget.Lines.Count < 500; i++)
        {
            var line = lines[i % lines.Count];
            proposal.Budget.Lines.Add(new BudgetLine
            {
                ComponentId = line.ComponentId,
                OutputId = line.OutputId,
                ExpenditureType = line.ExpenditureType,
                Year = line.Year,
                Amount = new Money { Amount = 0, Currency = line.Amount.Currency },
                Source = line.Source,
                CoFinancierId = line.CoFinancierId,
                Instrument = line.Instrument,
                Description = i % 2 == 0 ? "=HYPERLINK(\"http://example.org\",\"x\")" : "@SUM(A1:A9) " + Hostile,
            });
        }
        var indicators = proposal.Results.Indicators.ToList();
        while (proposal.Results.Indicators.Count < 100)
            proposal.Results.Indicators.Add(JsonSerializer.Deserialize<Indicator>(JsonSerializer.Serialize(indicators[proposal.Results.Indicators.Count % indicators.Count], ProposalJson.Options), ProposalJson.Options)!);
        return JsonSerializer.Serialize(proposal, ProposalJson.Options);
    }

    [Theory]
    [InlineData("gcf-funding-proposal", "en")]
    [InlineData("gcf-sap", "fr")]
    public async Task LargestHostileProposal_GeneratesLiterally(string pack, string lang)
    {
        var package = await TestPackages.BuildAsync(LargestHostileProposal(), pack, lang);

        using var pdf = PdfDocument.Open(package.File("pdf")!.Content);
        Assert.True(pdf.NumberOfPages > 100, $"{pdf.NumberOfPages} pages");
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("{{ 7*7 }}", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("![img](file:///etc/passwd)", text, StringComparison.Ordinal);
        Assert.Contains("# Heading | pipe |", text, StringComparison.Ordinal);

        Assert.Empty(Templates.Tests.Docx.DocxChecks.Validate(package.File("docx")!.Content));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(package.File("xlsx")!.Content), false);
        var formulas = workbook.WorkbookPart!.WorksheetParts.SelectMany(w => w.Worksheet.Descendants<CellFormula>()).Select(f => f.Text).ToList();
        Assert.NotEmpty(formulas); // the totals are live formulas …
        Assert.DoesNotContain(formulas, f => f.Contains("HYPERLINK", StringComparison.OrdinalIgnoreCase) || f.Contains("A1:A9", StringComparison.Ordinal)); // … user text never is

        using var zip = new ZipArchive(new MemoryStream(package.Zip.Content));
        Assert.Equal(7, zip.Entries.Count);
    }
}
