using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// R-067 on a stored proposal reads the participation records, not the proposal's free rows:
/// a category A/B activity that consulted nobody is an error; a vulnerable group the proposal names
/// but no consultation counted, and inputs without a response, are said; records that reach women
/// and vulnerable people, all answered, pass. The annex waits for the last response.
public sealed class EngagementRecordsRuleTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static HeldConsultation Meeting(long women, long men, params (StakeholderGroup Group, long Count)[] groups) =>
        new(new DateOnly(2026, 2, 14), ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation, "Market hall", false, "Dagbani", "Town planning office",
            women, men, 0, groups.ToDictionary(g => g.Group, g => g.Count));

    private static List<Finding> R067(Proposal proposal, EngagementEvidence records)
    {
        EngagementEvidence.Attach(proposal, records);
        return Validation.Validate(proposal).Findings.Where(f => f.RuleId == "R-067").ToList();
    }

    [Fact]
    public void RecordsThatReachWomenAndVulnerablePeople_AllAnswered_Pass()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        // The records count every group the proposal's own rows say were reached.
        var named = proposal.Stakeholders.Consultations.SelectMany(c => c.GroupsReached).Where(g => g is not (StakeholderGroup.Women or StakeholderGroup.Elderly)).Distinct().Select(g => (g, 6L)).ToArray();
        Assert.NotEmpty(named);
        Assert.Empty(R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14, [(StakeholderGroup.Elderly, 6), .. named])], Inputs = 3, Accepted = 3 }));
    }

    [Fact]
    public void ACategoryBActivity_ThatConsultedNobody_IsAnError()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Safeguards.Category = EssCategory.B;
        proposal.Stakeholders.Consultations.Clear();

        var finding = Assert.Single(R067(proposal, new EngagementEvidence()));
        Assert.Equal((Severity.Error, "R-067.NoneHighRisk"), (finding.Severity, finding.MessageKey));

        proposal.Safeguards.Category = EssCategory.C;
        Assert.DoesNotContain(R067(proposal, new EngagementEvidence()), f => f.Severity == Severity.Error);
    }

    [Fact]
    public void AGroupTheProposalNames_ButNoConsultationCounted_AndInputsWithoutAResponse_AreSaid()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations.RemoveRange(1, proposal.Stakeholders.Consultations.Count - 1);
        proposal.Stakeholders.Consultations[0].GroupsReached = [StakeholderGroup.Women, StakeholderGroup.Migrants];

        var findings = R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6))], Inputs = 5, InputsWithoutResponse = 2 });

        var notConsulted = Assert.Single(findings, f => f.MessageKey == "R-067.NotConsulted");
        Assert.Equal("The proposal names Migrants and displaced people among the people concerned, but no recorded consultation counted them.", RuleMessages.Render(notConsulted, CultureInfo.GetCultureInfo("en")));
        var noResponse = Assert.Single(findings, f => f.MessageKey == "R-067.NoResponse");
        Assert.StartsWith("2 inputs have no response yet", RuleMessages.Render(noResponse, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.StartsWith("2\u00a0contributions n’ont pas encore de réponse", RuleMessages.Render(noResponse, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAnnex_WaitsForTheLastResponse_AndHidesSmallCounts()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var heard = new HeardInput(new DateOnly(2026, 2, 20), "PublicPage", StakeholderGroup.Youth, "Start with Aboabo market.", "DesignChanged", "Aboabo comes first.", "timetable");
        var records = new EngagementEvidence { Consultations = [Meeting(23, 3, (StakeholderGroup.Migrants, 2), (StakeholderGroup.Youth, 6))], Inputs = 1, DesignChanged = 1, Heard = [heard] };

        Assert.Null(StakeholderEngagementAnnex.For("Tamale", proposal, records with { InputsWithoutResponse = 1 }, CultureInfo.GetCultureInfo("en")));
        var annex = StakeholderEngagementAnnex.For("Tamale", proposal, records, CultureInfo.GetCultureInfo("en"))!;

        var text = string.Join("\n", annex.Blocks.SelectMany(Texts));
        Assert.Contains("Start with Aboabo market.", text, StringComparison.Ordinal);
        Assert.Contains("Design changed (Implementation timetable): Aboabo comes first.", text, StringComparison.Ordinal);
        // 3 men: hidden, and the 23 women too (the total would give them back); 2 migrants hidden.
        var events = annex.Blocks.OfType<Table>().First();
        Assert.Equal(["•", "< 5", "0", "26"], Cells(events, 1).Skip(5));
        var groups = annex.Blocks.OfType<Table>().ElementAt(1);
        Assert.Equal(["Young people", "6"], Cells(groups, 1));
        Assert.Equal(["Migrants and displaced people", "< 5"], Cells(groups, 2));
        Assert.DoesNotMatch(@"\b(2|3|23)\b", string.Join(" ", Cells(events, 1).Skip(5).Concat(Cells(groups, 2))));
    }

    private static IEnumerable<string> Texts(ContentBlock block) => block switch
    {
        Heading h => [string.Concat(h.Runs.Select(r => r.Text))],
        Paragraph p => [string.Concat(p.Runs.Select(r => r.Text))],
        Table t => t.Rows.SelectMany(r => r.Select(c => string.Concat(c.Select(x => x.Text)))),
        _ => [],
    };

    private static List<string> Cells(Table table, int row) => table.Rows[row].Select(c => string.Concat(c.Select(x => x.Text))).ToList();
}
