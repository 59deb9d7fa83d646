using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Documents;

/// The PPF request pack draws the Saint-Louis sample in both languages: its activities, their
/// budget and the ceiling statements, which are R-035's result (ValidationReport.Ppf).
public sealed class PpfPackTests
{
    private const string Sample = "ppf-saint-louis-coastal-fr.json";

    private static List<string> Rows(ContentDocument document) =>
        document.Blocks.OfType<Table>().SelectMany(t => t.Rows)
            .Select(r => ("| " + string.Join(" | ", r.Select(PackTestKit.Text)) + " |").Replace('\u00A0', ' ').Replace('\u202F', ' ')).ToList();

    private static Proposal WithRequest(decimal usd)
    {
        var proposal = PackTestKit.Sample(Sample, Language.En);
        proposal.Financing.GcfInstruments.Clear();
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = usd, Currency = "USD" } });
        return proposal;
    }

    [Theory]
    [InlineData(Language.En, "A. Summary of the PPF request", "F. Supporting documents")]
    [InlineData(Language.Fr, "A. Résumé de la demande PPF", "F. Pièces justificatives")]
    public void Sample_HasEverySection_InItsLanguage(Language language, string first, string last)
    {
        var document = PackTestKit.Read("gcf-ppf", PackTestKit.Sample(Sample, language));

        var sections = PackTestKit.Headings(document, 1).Skip(1).ToList(); // the title comes first
        Assert.Equal(6, sections.Count);
        Assert.Equal(first, sections[0]);
        Assert.Equal(last, sections[^1]);
        Assert.DoesNotContain(PackTestKit.TableText(document), "Not answered", StringComparison.Ordinal);
    }

    [Fact]
    public void Activities_AndTheirBudget_AddUpToTheRequest()
    {
        var rows = Rows(PackTestKit.Read("gcf-ppf", PackTestKit.Sample(Sample, Language.En)));

        Assert.Contains(rows, r => r.StartsWith("| P1 | Étude de faisabilité et avant-projet des ouvrages de protection côtière de la Langue de Barbarie | Pre-feasibility or feasibility study and design |", StringComparison.Ordinal));
        Assert.Contains("| P1 | Étude de faisabilité et avant-projet des ouvrages de protection côtière de la Langue de Barbarie | USD 260,000 | USD 20,000 | USD 280,000 |", rows);
        Assert.Contains("| Total |  | USD 720,000 | USD 85,000 | USD 805,000 |", rows);
        Assert.Contains("| Pre-feasibility or feasibility study and design | USD 420,000 | USD 35,000 |", rows);
        Assert.Contains("| A.2 Amount requested from the PPF | USD 720,000 |", rows);
        Assert.Contains("| A.9 Preparation period (months) | 18 |", rows);
    }

    [Theory]
    [InlineData(720_000, "Yes", "No")]
    [InlineData(250_000, "Yes", "Yes")]
    [InlineData(2_000_000, "No", "No")]
    public void CeilingStatements_AreWhatR035Found(double usd, string within, string simplified)
    {
        var rows = Rows(PackTestKit.Read("gcf-ppf", WithRequest((decimal)usd)));

        Assert.Contains($"| A.5 Within the PPF ceiling (USD 1,500,000) | {within} |", rows);
        Assert.Contains($"| A.6 Simplified PPF (up to USD 300,000) | {simplified} |", rows);
    }

    [Fact]
    public void SupportingDocuments_ListTheLetterOnce_AndTheConceptNote()
    {
        var rows = Rows(PackTestKit.Read("gcf-ppf", PackTestKit.Sample(Sample, Language.En)));

        Assert.Single(rows, r => r.Contains("No-objection", StringComparison.OrdinalIgnoreCase) || r.Contains("non-objection", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("| Concept note: « Saint-Louis face à la mer et au fleuve », V.001 | Submitted on 2026/11/02 |", rows);
        Assert.DoesNotContain(rows, r => r.Contains("Attached", StringComparison.Ordinal));
    }

    /// Without activities a draft (here over the ceiling: an error) says so where the table would
    /// be; a final document leaves the place empty rather than print a dash.
    [Theory]
    [InlineData(2_000_000, true)]
    [InlineData(720_000, false)]
    public void NoActivities_IsMarkedNotAnswered_InADraftOnly(double usd, bool draft)
    {
        var proposal = WithRequest((decimal)usd);
        proposal.Ppf.Activities.Clear();
        proposal.Ppf.Need = null;

        var document = PackTestKit.Read("gcf-ppf", proposal);

        var text = string.Concat(document.Blocks.OfType<Paragraph>().Select(p => PackTestKit.Text(p.Runs)));
        Assert.Equal(draft, text.Contains("Not answered", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Blocks.OfType<Table>(), t => PackTestKit.HeaderCells(t).FirstOrDefault() == "No.");
        Assert.DoesNotContain("—", text, StringComparison.Ordinal);
    }
}
