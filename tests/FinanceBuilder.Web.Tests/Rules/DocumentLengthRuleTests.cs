using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// The length rules on a measured document: a package's check runs them once,
/// after the layout, on the pages and words the renderer counted — not on the estimate.
public sealed class DocumentLengthRuleTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static ValidationReport Measured(Route route, int pages, int words)
    {
        var proposal = RuleCases.Load(RuleCases.All["R-018"].Sample);
        var before = Validation.ValidateBeforeLayout(proposal, route);
        Assert.DoesNotContain(before.Findings, f => f.RuleId is "R-016" or "R-017" or "R-018" && !f.MessageKey.EndsWith(".Summary", StringComparison.Ordinal));
        return ProposalValidation.WithLength(before, proposal, new DocumentLength(pages, words));
    }

    private static string? Message(ValidationReport report, string ruleId, string culture = "en") =>
        report.Findings.Where(f => f.RuleId == ruleId && f.MessageKey.EndsWith(".Measured", StringComparison.Ordinal))
            .Select(f => RuleMessages.Render(f, CultureInfo.GetCultureInfo(culture))).SingleOrDefault();

    [Fact]
    public void ConceptNote_OneMeasuredPageOver_SaysByHowMany_InBothLanguages()
    {
        var report = Measured(Route.ConceptNote, 13, 5_000);

        Assert.Equal("The generated concept note has 13 pages against the template’s limit of 12 pages excluding annexes (1 over). Shorten the narratives or move detail to annexes.", Message(report, "R-018"));
        Assert.Contains("13 pages pour une limite de 12 pages hors annexes (1 de trop)", Message(report, "R-018", "fr"), StringComparison.Ordinal);
        Assert.Equal(new DocumentLength(13, 5_000), report.Length);
        Assert.Equal(12, report.Limits?.Pages);
    }

    [Fact]
    public void ConceptNote_AtItsLimit_IsQuiet() =>
        Assert.Null(Message(Measured(Route.ConceptNote, 12, 9_000), "R-018"));

    [Fact]
    public void FundingProposal_MeasuredOver60Pages_IsAWarningWithTheCount()
    {
        var report = Measured(Route.FundingProposal, 64, 20_000);

        Assert.Contains("64 pages against the template’s limit of 60 pages excluding annexes (4 over)", Message(report, "R-017"), StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, report.Findings.Single(f => f.RuleId == "R-017").Severity);
        Assert.Null(Message(Measured(Route.FundingProposal, 60, 40_000), "R-017"));
    }

    [Theory]
    [InlineData(24, 9_000, false)] // long in pages, short in words: within the SAP template
    [InlineData(18, 12_000, false)] // the reverse
    [InlineData(20, 10_000, false)]
    [InlineData(22, 10_500, true)] // over both
    public void Sap_KeepingEitherLimitIsEnough(int pages, int words, bool error)
    {
        var report = Measured(Route.Sap, pages, words);

        Assert.Equal(error, Message(report, "R-016") is not null);
        Assert.Equal(new DocumentLimits(20, 10_000), report.Limits);
        if (error)
        {
            Assert.Equal("The generated SAP proposal has 22 pages and 10,500 words; the SAP template allows at most 20 pages or 10,000 words. Shorten it by 2 pages or by 500 words.", Message(report, "R-016"));
            Assert.True(report.HasErrors);
        }
    }

    [Fact]
    public void MeasuredCheck_RunsTheLengthRulesOnce_AndKeepsEveryOtherFinding()
    {
        var proposal = RuleCases.Load(RuleCases.All["R-018"].Sample);
        proposal.Financing.CoFinancing[0].Name = null; // R-028, a rule of the first half
        var before = Validation.ValidateBeforeLayout(proposal, Route.FundingProposal);

        var after = ProposalValidation.WithLength(before, proposal, new DocumentLength(70, 30_000));

        Assert.Contains(before.Findings, f => f.RuleId == "R-028");
        Assert.Equal(before.Findings.Count + 1, after.Findings.Count);
        Assert.Single(after.Findings, f => f.RuleId == "R-017");
        Assert.Contains(after.Findings, f => f.RuleId == "R-028");
        Assert.True(after.Sections.Single(s => s.Name == nameof(TemplateSection.ProjectInformation)).OpenWarnings
            > before.Sections.Single(s => s.Name == nameof(TemplateSection.ProjectInformation)).OpenWarnings);
    }
}
