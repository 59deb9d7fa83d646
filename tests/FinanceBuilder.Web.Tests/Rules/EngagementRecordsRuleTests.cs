using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Data.Participation;
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
        // The records count every group the proposal's own rows say were reached, and those its
        // most vulnerable groups name (young migrants, older people, persons with disabilities).
        var named = proposal.Stakeholders.Consultations.SelectMany(c => c.GroupsReached).Append(StakeholderGroup.PeopleWithDisabilities)
            .Where(g => g is not (StakeholderGroup.Women or StakeholderGroup.Elderly)).Distinct().Select(g => (g, 6L)).ToArray();
        Assert.NotEmpty(named);
        Assert.Empty(R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14, [(StakeholderGroup.Elderly, 6), .. named])], Inputs = 3, Accepted = 3 }));
    }

    /// Where the proposal names a group: its "most vulnerable groups", in either language. Young
    /// children are not young people; "vulnerable people" names nobody in particular.
    [Theory]
    [InlineData("Women traders, many of them young migrants; older people and persons with disabilities.", "Youth Elderly Migrants PeopleWithDisabilities")]
    [InlineData("Youth without work and internally displaced families.", "Youth Migrants")]
    [InlineData("Poor households with young children; vulnerable people on the coast.", "")]
    [InlineData("Jeunes sans terre, personnes âgées et personnes handicapées, populations déplacées.", "Youth Elderly Migrants PeopleWithDisabilities")]
    [InlineData("Femmes cheffes de ménage, jeunes enfants, communautés autochtones.", "IndigenousPeoples")]
    public void TheMostVulnerableGroups_NameTheGroupsTheirWordsSay(string text, string expected)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations.Clear();
        proposal.ClimateRationale.Vulnerability.VulnerableGroups = text;

        var findings = R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14)] });

        Assert.Equal(expected, string.Join(" ", findings.Where(f => f.MessageKey == "R-067.NotConsulted").Select(f => f.Arguments[0])));
    }

    [Theory]
    [InlineData("en", "The proposal names the group “Young people” among the people concerned, but no recorded consultation counted it and no recorded input came from it.")]
    [InlineData("fr", "La proposition cite le groupe «\u00a0Jeunes\u00a0» parmi les personnes concernées, mais aucune consultation consignée ne l’a compté et aucune contribution consignée n’en vient.")]
    public void YoungPeopleNamedAmongTheMostVulnerable_ButNeverConsulted_AreSaid(string language, string expected)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations.Clear();
        proposal.ClimateRationale.Vulnerability.VulnerableGroups = "Young people without work in the market districts; elderly people.";

        var findings = R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6))] });

        var finding = Assert.Single(findings, f => f.MessageKey == "R-067.NotConsulted");
        Assert.Equal(StakeholderGroup.Youth, finding.Arguments[0]);
        Assert.Equal(["$.stakeholders.consultations", "$.climateRationale.vulnerability.vulnerableGroups"], finding.Paths);
        Assert.Equal(expected, RuleMessages.Render(finding, CultureInfo.GetCultureInfo(language)));
    }

    /// Young people are reached by a meeting that counted them as a group or by age, or by an
    /// input one of them gave (the summary's groups heard, or the inputs themselves).
    public static TheoryData<string, EngagementEvidence> YoungPeopleReached => new()
    {
        { "group", new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6), (StakeholderGroup.Youth, 8))] } },
        { "age", new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6)) with { Ages = new Dictionary<AgeBand, long> { [AgeBand.From18To24] = 9 } }] } },
        { "summary", new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6))], Inputs = 1, Accepted = 1, GroupsHeard = [StakeholderGroup.Youth] } },
        { "input", new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6))], Inputs = 1, Accepted = 1,
            Heard = [new HeardInput(new DateOnly(2026, 2, 20), "PublicPage", StakeholderGroup.Youth, "Light the football pitch.", "Accepted", "It is in component 2.", null)] } },
    };

    [Theory]
    [MemberData(nameof(YoungPeopleReached))]
    public void YoungPeopleNamedAmongTheMostVulnerable_AndReachedByTheRecords_Pass(string how, EngagementEvidence records)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations.Clear();
        proposal.ClimateRationale.Vulnerability.VulnerableGroups = "Young people without work in the market districts; elderly people.";

        Assert.True(R067(proposal, records).All(f => f.MessageKey != "R-067.NotConsulted"), how);
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
        proposal.ClimateRationale.Vulnerability.VulnerableGroups = null;

        var findings = R067(proposal, new EngagementEvidence { Consultations = [Meeting(23, 14, (StakeholderGroup.Elderly, 6))], Inputs = 5, InputsWithoutResponse = 2 });

        var notConsulted = Assert.Single(findings, f => f.MessageKey == "R-067.NotConsulted");
        Assert.Equal("The proposal names the group “Migrants and displaced people” among the people concerned, but no recorded consultation counted it and no recorded input came from it.", RuleMessages.Render(notConsulted, CultureInfo.GetCultureInfo("en")));
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
