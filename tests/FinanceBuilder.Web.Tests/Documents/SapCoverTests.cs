using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Documents;

/// The SAP cover's eligibility statement is the check's, with the ceiling of the
/// proposal's template version: it never says "Yes" beside a ceiling error in the report.
public sealed class SapCoverTests
{
    private static Proposal Sap(decimal gcfUsd, string? templateVersion, Language language)
    {
        var proposal = PackTestKit.Sample("adaptation-cotonou-drainage-fr.json", language);
        proposal.Financing.GcfInstruments.Clear();
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = gcfUsd, Currency = "USD" } });
        proposal.Safeguards.Screening = new EssScreening(); // nothing that excludes it from the SAP
        proposal.Safeguards.Category = EssCategory.C;
        proposal.Target.TemplateVersion = templateVersion;
        return proposal;
    }

    /// Every table row of the document as "| cell | cell |", as a reader sees it.
    private static List<string> Rows(Proposal proposal) =>
        PackTestKit.Read("gcf-sap", proposal).Blocks.OfType<FinanceBuilder.Templates.Content.Table>()
            .SelectMany(t => t.Rows).Select(r => "| " + string.Join(" | ", r.Select(PackTestKit.Text)) + " |").ToList();

    [Theory]
    [InlineData(15_000_000, null, "| GCF funding requested (at most USD\u00A025,000,000) | USD\u00A015,000,000 |", "| Within the SAP criteria | Yes |")]
    [InlineData(15_000_000, "GCF-SAP-PILOT", "| GCF funding requested (at most USD\u00A010,000,000) | USD\u00A015,000,000 |", "| Within the SAP criteria | No |")]
    public void Cover_SaysWhatTheSapRulesFound(double gcf, string? version, string ceilingRow, string withinRow)
    {
        var rows = Rows(Sap((decimal)gcf, version, Language.En));

        Assert.Contains(ceilingRow, rows);
        Assert.Contains(withinRow, rows);
    }

    [Fact]
    public void Cover_InFrench_NamesThePilotCeiling()
    {
        var rows = Rows(Sap(15_000_000, "GCF-SAP-PILOT", Language.Fr)).Select(r => r.Replace('\u00A0', ' ').Replace('\u202F', ' ')).ToList();

        Assert.Contains(rows, r => r.StartsWith("| Financement demandé au FVC (au plus 10 000 000 USD) |", StringComparison.Ordinal));
        Assert.Contains("| Conforme aux critères de la SAP | Non |", rows);
    }
}
