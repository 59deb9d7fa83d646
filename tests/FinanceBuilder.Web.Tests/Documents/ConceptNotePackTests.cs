using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// The concept-note pack renders every sample in both languages through the mapper: figures
/// come from the data, user text stays literal.
public sealed class ConceptNotePackTests
{
    private static string Render(Proposal proposal) => PackTestKit.Render("gcf-concept-note", proposal);

    private static Proposal Sample(string name) =>
        JsonSerializer.Deserialize<Proposal>(Samples.ReadText(name), ProposalJson.Options)!;

    [Theory]
    [InlineData("mitigation-tamale-solar-led.json", Language.En)]
    [InlineData("mitigation-tamale-solar-led.json", Language.Fr)]
    [InlineData("adaptation-cotonou-drainage-fr.json", Language.Fr)]
    [InlineData("adaptation-cotonou-drainage-fr.json", Language.En)]
    [InlineData("crosscutting-cuenca-watershed-bus.json", Language.En)]
    [InlineData("crosscutting-cuenca-watershed-bus.json", Language.Fr)]
    public void Sample_Renders_WithComputedFigures(string sample, Language language)
    {
        var proposal = Sample(sample);
        proposal.Language = language;
        var culture = new CultureInfo(language.ToString().ToLowerInvariant());

        var document = MarkdownReader.Read(Render(proposal));

        var headings = document.Blocks.OfType<Heading>().Select(h => string.Concat(h.Runs.Select(r => r.Text))).ToList();
        Assert.Equal(proposal.Basics.Title, headings[0]);
        Assert.Contains(headings, h => h.StartsWith("A. ", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("D. ", StringComparison.Ordinal));
        var text = string.Concat(document.Blocks.OfType<Table>().SelectMany(t => t.Rows).SelectMany(r => r).SelectMany(c => c).Select(r => r.Text + " "));
        var figures = KeyFigures.Compute(proposal);
        var amount = NumberText.Format(Math.Round(figures.TotalFinancing!.Value), culture);
        Assert.Contains(language == Language.Fr ? $"{amount}\u00A0{figures.ReportingCurrency}" : $"{figures.ReportingCurrency}\u00A0{amount}", text, StringComparison.Ordinal);
        if (figures.LifetimeTco2e is { } tonnes)
            Assert.Contains(NumberText.Format(Math.Round(tonnes), culture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileUserText_IsPrintedLiterally()
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");
        proposal.Basics.Title = "# {{ 7*7 }} <script>alert(1)</script> [x](file:///etc/passwd) | pipe";
        proposal.Narratives.ExecutiveSummary = "::: pagebreak\n:::\n# not a heading\n{{ include 'x' }}";

        var document = MarkdownReader.Read(Render(proposal));

        Assert.Equal(proposal.Basics.Title, string.Concat(Assert.IsType<Heading>(document.Blocks[0]).Runs.Select(r => r.Text)));
        var all = string.Concat(document.Blocks.OfType<Paragraph>().SelectMany(p => p.Runs).Select(r => r.Text));
        Assert.Contains("::: pagebreak\n:::\n# not a heading\n{{ include 'x' }}", all, StringComparison.Ordinal);
        // The only page breaks are the pack's own: one before each section its manifest starts on a new page.
        Assert.Equal(PackTestKit.Pack("gcf-concept-note").Manifest.Sections.Count(s => s.NewPage), document.Blocks.OfType<PageBreak>().Count());
    }
}
