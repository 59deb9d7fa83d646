using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Documents;

/// A package carries no annex files yet, so no document says an annex is attached: an annex the
/// applicant marked attached or final is "sent separately", one in preparation "to follow".
public sealed class AnnexListTests
{
    [Theory]
    [InlineData("gcf-concept-note", Language.En)]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-sap", Language.En)]
    [InlineData("gcf-concept-note", Language.Fr)]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-sap", Language.Fr)]
    public void AnnexMarkedAttached_IsNeverSaidToBeAttached(string pack, Language language)
    {
        var proposal = PackTestKit.Sample("mitigation-tamale-solar-led.json", language);
        proposal.Annexes.ForEach(a => a.Status = DocumentStatus.Attached);
        proposal.Annexes[^1].Status = DocumentStatus.Draft;
        proposal.Safeguards.EsiaStatus = proposal.Safeguards.EsmpStatus = DocumentStatus.Attached;

        var text = string.Join("\n", PackTestKit.Read(pack, proposal).Blocks.OfType<FinanceBuilder.Templates.Content.Table>()
            .SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Select(PackTestKit.Text))));

        var (attached, separately, toFollow) = language == Language.Fr
            ? ("Joint au dossier", "Finale, transmise à part", "En projet, à suivre")
            : ("Attached", "Final, sent separately", "In draft, to follow");
        Assert.DoesNotContain(attached, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(separately, text, StringComparison.Ordinal);
        Assert.Contains(toFollow, text, StringComparison.Ordinal);
    }
}
