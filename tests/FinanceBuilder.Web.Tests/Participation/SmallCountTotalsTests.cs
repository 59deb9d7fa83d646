using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Rules;

namespace FinanceBuilder.Web.Tests.Participation;

/// Totals printed beside or below counts that the k = 5 rule hides must not give them back: a
/// row's women beside its total give its men; the total of all meetings minus the shown ones gives
/// the one small meeting. And a proposal whose consultations are recorded as records, not as its
/// own rows, has them for readiness.
public sealed class SmallCountTotalsTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    [Fact]
    public void AGrandTotal_IsExact_UnlessExactlyOneRowIsHidden()
    {
        Assert.Equal(((long?)60, 60L), SmallCounts.GrandTotal([23, 37], [23, 37]));
        // One hidden meeting of 3: only "more than 60".
        Assert.Equal(((long?)null, 60L), SmallCounts.GrandTotal([23, 37, null], [23, 37, 3]));
        // Two hidden meetings give back only their sum (7), as the rule allows.
        Assert.Equal(((long?)67, 67L), SmallCounts.GrandTotal([23, 37, null, null], [23, 37, 3, 4]));
    }

    private static Proposal WithConsultationRows()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations =
        [
            new() { Date = new DateOnly(2026, 2, 1), Place = "Market hall", Participants = new() { Female = 20, Male = 3 } },
            new() { Date = new DateOnly(2026, 2, 8), Place = "Town hall", Participants = new() { Female = 20, Male = 17 } },
            new() { Date = new DateOnly(2026, 2, 15), Place = "Chief's compound", Participants = new() { Female = 2, Male = 1 } },
        ];
        return proposal;
    }

    [Fact]
    public void SectionG_HidesTheWomenThatWouldGiveTheMenBack_AndTheTotalThatWouldGiveTheSmallMeetingBack()
    {
        var proposal = WithConsultationRows();

        var model = DocumentModel.For(proposal, Validation.Validate(proposal));

        var stakeholders = (Dictionary<string, object?>)model["stakeholders"]!;
        var rows = ((List<object>)stakeholders["consultations"]!).Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(("•", "23"), ((string)rows[0]["women"]!, (string)rows[0]["participants"]!));
        Assert.Equal(("20", "37"), ((string)rows[1]["women"]!, (string)rows[1]["participants"]!));
        Assert.Equal(("< 5", "< 5"), ((string)rows[2]["women"]!, (string)rows[2]["participants"]!));
        Assert.Equal("more than 60", stakeholders["participants_total"]);
        Assert.StartsWith("Counts of fewer than 5 people are shown as “< 5”", (string)stakeholders["small_counts_note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAnnexSummary_SaysMoreThan_WhenOneMeetingIsHidden()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var evidence = new EngagementEvidence
        {
            Consultations =
            [
                new(new DateOnly(2026, 2, 8), ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation, "Town hall", false, null, null, 20, 17, 0, new Dictionary<StakeholderGroup, long>()),
                new(new DateOnly(2026, 2, 15), ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation, "Chief's compound", false, null, null, 2, 1, 0, new Dictionary<StakeholderGroup, long>()),
            ],
            Heard = [],
        };

        var annex = StakeholderEngagementAnnex.For("Tamale", proposal, evidence, CultureInfo.GetCultureInfo("en"));

        var text = string.Join(" ", annex!.Blocks.OfType<FinanceBuilder.Templates.Content.Paragraph>().SelectMany(p => p.Runs).OfType<FinanceBuilder.Templates.Content.TextRun>().Select(r => r.Text));
        Assert.Contains("attended by more than 37 people", text, StringComparison.Ordinal);
        Assert.DoesNotContain("40", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsultationsRecordedAsRecords_CountForReadiness()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Stakeholders.Consultations.Clear();
        var item = Checklist.For(Route.FundingProposal).Single(i => i.Path == "$.stakeholders.consultations");
        Assert.False(item.IsAnswered(proposal));

        EngagementEvidence.Attach(proposal, new EngagementEvidence
        {
            Consultations = [new(new DateOnly(2026, 2, 8), ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation, "Town hall", false, null, null, 20, 17, 0, new Dictionary<StakeholderGroup, long>())],
        });

        Assert.True(item.IsAnswered(proposal));
    }
}
