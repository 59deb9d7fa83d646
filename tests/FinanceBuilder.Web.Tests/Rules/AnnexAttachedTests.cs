using System.Globalization;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// R-076.NoFile: an annex row marked "attached" must have a file in the package; the annex list
/// (H) says "sent separately" for a row without one, and the report says why.
public sealed class AnnexAttachedTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> NoFile(Proposal proposal) =>
        Validation.Validate(proposal).Findings.Where(f => f.MessageKey == "R-076.NoFile").ToList();

    private static Proposal Tamale(DocumentStatus status)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        foreach (var annex in proposal.Annexes)
            annex.Status = DocumentStatus.Final;
        proposal.Annexes[1].Status = status;
        return proposal;
    }

    [Fact]
    public void AttachedWithoutAFile_IsAWarningOnTheRowsStatus_InTheReadersLanguage()
    {
        var proposal = Tamale(DocumentStatus.Attached);

        var finding = Assert.Single(NoFile(proposal));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("$.annexes[1].status", finding.Paths.Single());
        var number = proposal.Annexes[1].Number;
        Assert.Equal($"Annex {number} is marked as attached, but no file is attached to it: attach the file on the annex files page, or choose another status (Final if it is sent separately).",
            RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")));
        Assert.StartsWith($"L’annexe {number} est indiquée comme jointe au dossier, mais aucun fichier n’y est joint\u00a0:", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void AttachedWithAFile_OrFinalWithout_GivesNoFinding()
    {
        var withFile = Tamale(DocumentStatus.Attached);
        withFile.Annexes[1].Files.Add(new AttachedFile { Id = Guid.NewGuid().ToString("N"), Name = "study.pdf", Kind = FileKind.Pdf, Bytes = 1000, Pages = 3 });
        Assert.Empty(NoFile(withFile));

        Assert.Empty(NoFile(Tamale(DocumentStatus.Final)));
    }
}
