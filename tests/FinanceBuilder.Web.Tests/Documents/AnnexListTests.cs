using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Documents;

/// The annex list says "attached" only of a row whose files are in the package, and names them:
/// an annex the applicant marked attached or final with no file is "sent separately", one in
/// preparation "to follow".
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

    [Theory]
    [InlineData(Language.En, "Attached: study.pdf, 13 pages; budget.xlsx", "Attached: letter.pdf, 1 page")]
    [InlineData(Language.Fr, "Jointe : study.pdf, 13 pages; budget.xlsx", "Jointe : letter.pdf, 1 page")]
    public void AnnexWithFiles_IsAttached_NamingEachFile_WithItsPagesWhereKnown(Language language, string two, string one)
    {
        var proposal = PackTestKit.Sample("mitigation-tamale-solar-led.json", language);
        proposal.Annexes[0].Files = [File("study.pdf", 13), File("budget.xlsx", null)];
        proposal.Annexes[1].Files = [File("letter.pdf", 1)];

        var text = string.Join("\n", PackTestKit.Read("gcf-funding-proposal", proposal).Blocks.OfType<FinanceBuilder.Templates.Content.Table>()
            .SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Select(PackTestKit.Text)))).Replace('\u00A0', ' ');

        Assert.Contains(two, text, StringComparison.Ordinal);
        Assert.Contains(one, text, StringComparison.Ordinal);
    }

    private static AttachedFile File(string name, int? pages) =>
        new() { Id = Guid.NewGuid().ToString("N"), Name = name, Kind = pages is null ? FileKind.Xlsx : FileKind.Pdf, Pages = pages };
}
