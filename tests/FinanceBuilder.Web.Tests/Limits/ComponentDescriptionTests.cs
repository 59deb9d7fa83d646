using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Tests.Documents;
using FinanceBuilder.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Limits;

/// Real proposals describe each component over pages (800 words and more): the description is
/// accepted, and printed under B.3 (C.2 of a SAP) with its paragraphs.
public sealed class ComponentDescriptionTests
{
    [Theory]
    [InlineData("gcf-funding-proposal", "en", "Component 1:")]
    [InlineData("gcf-sap", "fr", "Composante 1\u00a0:")]
    public async Task AnEightHundredWordDescription_IsAccepted_AndPrintedWhole(string pack, string lang, string heading)
    {
        var proposal = new ProposalReader().Read(Samples.Read("mitigation-tamale-solar-led.json"), CultureInfo.InvariantCulture).Proposal!;
        var paragraph = string.Join(" ", Enumerable.Range(1, 280).Select(i => $"word{i}"));
        proposal.Components[0].Description = $"{paragraph} first.\n\n{paragraph} second.\n\n{paragraph} closing-sentence-of-component-one.";
        var json = JsonSerializer.Serialize(proposal, ProposalJson.Options);

        var read = new ProposalReader().Read(System.Text.Encoding.UTF8.GetBytes(json), CultureInfo.InvariantCulture);
        Assert.Empty(read.Errors);
        Assert.True(FinanceBuilder.Web.Rules.NarrativeWords.Of(proposal.Components[0].Description) >= 840);

        var package = await TestPackages.BuildAsync(json, pack, lang);
        using var pdf = PdfDocument.Open(package.File("pdf")!.Content);
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(NoSpaces(heading + proposal.Components[0].Name), NoSpaces(text), StringComparison.Ordinal);
        Assert.Contains("closing-sentence-of-component-one", text, StringComparison.Ordinal);
    }

    private static string NoSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
