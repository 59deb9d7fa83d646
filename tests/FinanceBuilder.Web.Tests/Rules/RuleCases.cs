using System.Globalization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Rules;

/// For each rule: a sample, the route, a change that breaks the rule, and — where the sample as
/// written already shows the finding — a change that satisfies it.
internal sealed record RuleCase(string Sample, Route Route, Action<Proposal> Break, Action<Proposal>? Satisfy = null);

internal static class RuleCases
{
    public const string M = "mitigation-tamale-solar-led.json";
    public const string A = "adaptation-cotonou-drainage-fr.json";
    public const string X = "crosscutting-cuenca-watershed-bus.json";
    public const string P = "ppf-saint-louis-coastal-fr.json";

    public static Proposal Load(string sample) =>
        new ProposalReader().Read(Samples.Read(sample), CultureInfo.InvariantCulture).Proposal
        ?? throw new InvalidOperationException($"{sample} does not read");

    private static Money Usd(decimal amount) => new() { Amount = amount, Currency = "USD" };

    private static string Words(int n) => string.Join(' ', Enumerable.Repeat("word", n));

    /// A concept note's length: short narratives, no detailed budget or logframe tables.
    private static void ShortenToAConceptNote(Proposal p)
    {
        var n = p.Narratives;
        n.ExecutiveSummary = Words(300);
        n.Complementarity = n.TheoryOfChange = n.ProjectDescription = n.JustificationForGcf = n.ExitStrategy = Words(250);
        var c = n.InvestmentCriteria;
        c.ImpactPotential = c.ParadigmShift = c.SustainableDevelopment = c.NeedsOfRecipient = c.CountryOwnership = c.EfficiencyEffectiveness = Words(150);
        p.ClimateRationale.Context = Words(300);
        p.Governance.ImplementationArrangements = p.MonitoringEvaluation.Arrangements = p.Gender.Assessment = p.Stakeholders.EngagementPlan = null;
        p.Budget.Lines.Clear();
        p.Results.Indicators.Clear();
    }

    public static readonly IReadOnlyDictionary<string, RuleCase> All = new Dictionary<string, RuleCase>
    {
        ["R-001"] = new(M, Route.FundingProposal, p => p.Basics.Title = new string('x', 120) + " Ghana"),
        ["R-002"] = new(M, Route.FundingProposal, p => p.Basics.Countries.Add(new CountryRef { Code = "FR" })),
        ["R-003"] = new(M, Route.FundingProposal, p => p.Basics.FirstSubmissionDate = p.Basics.CurrentSubmissionDate!.Value.AddDays(10)),
        ["R-004"] = new(M, Route.FundingProposal, p => p.Basics.VersionNumber = "v2"),
        ["R-005"] = new(M, Route.FundingProposal, p => p.Applicant.AccreditedEntity.Scope.MaxSize = SizeCategory.Micro),
        ["R-006"] = new(M, Route.FundingProposal, p =>
        {
            p.Applicant.AccreditedEntity.Kind = AccreditedEntityKind.NationalDirectAccess;
            p.Applicant.AccreditedEntity.AccessModality = AccessModality.International;
        }),
        ["R-007"] = new(M, Route.FundingProposal, p => p.Applicant.NationalDesignatedAuthorities[0].NoObjectionLetter.Status = DocumentStatus.Draft),
        ["R-008"] = new(M, Route.FundingProposal, p => p.Acknowledgements.Clear()),
        ["R-009"] = new(M, Route.FundingProposal, p => p.Applicant.ExecutingEntities[0].BudgetSharePercent += 10),
        ["R-010"] = new(M, Route.FundingProposal, p => p.Basics.DeclaredSizeCategory = SizeCategory.Large),
        ["R-011"] = new(M, Route.FundingProposal, p => p.Basics.Focus = Focus.Adaptation),
        ["R-012"] = new(M, Route.FundingProposal, p => p.Basics.ResultAreas[0].SharePercent = 10),
        ["R-013"] = new(M, Route.FundingProposal, p => p.Basics.Kind = null),
        ["R-014"] = new(A, Route.Sap, p => p.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = Usd(5_000_000) })),
        // Cotonou resettles people beside a protected area: a SAP of category C needs a clean screening.
        ["R-015"] = new(A, Route.Sap, p => p.Safeguards.Category = EssCategory.B, p => { p.Safeguards.Category = EssCategory.C; p.Safeguards.Screening = new EssScreening(); }),
        ["R-016"] = new(A, Route.Sap, p => p.Narratives.ExecutiveSummary = Words(11_000)),
        ["R-017"] = new(M, Route.FundingProposal, p => p.Narratives.ProjectDescription = Words(30_000)),
        ["R-018"] = new(M, Route.ConceptNote, p => p.Narratives.ExecutiveSummary = Words(900), ShortenToAConceptNote),
        ["R-019"] = new(M, Route.FundingProposal, p =>
        {
            p.Basics.Kind = ProjectKind.Programme;
            p.Basics.SubProjectsToBeIdentified = true;
            p.Annexes.RemoveAll(a => a.Type == AnnexType.EnvironmentalSocialAssessment);
        }),
        ["R-024"] = new(M, Route.FundingProposal, p => p.Budget.Lines[0].Amount = Usd(p.Budget.Lines[0].Amount.Amount + 100_000)),
        ["R-026"] = new(M, Route.FundingProposal, p => p.Budget.Lines[0].ExpenditureType = null),
        ["R-027"] = new(M, Route.FundingProposal, p => p.Financing.DisbursementSchedule[0].Amount = Usd(p.Financing.DisbursementSchedule[0].Amount.Amount + 100_000)),
        ["R-028"] = new(M, Route.FundingProposal, p => p.Financing.CoFinancing[0].Name = null),
        ["R-029"] = new(M, Route.FundingProposal, _ => { }, p => p.Financing.GcfInstruments.Clear()),
        ["R-030"] = new(M, Route.FundingProposal, p => p.Financing.CoFinancing[0].Amount = new Money { Amount = p.Financing.CoFinancing[0].Amount.Amount, Currency = "EUR" }),
        ["R-031"] = new(M, Route.FundingProposal, p => p.Economics.CurrencyRiskNote = null),
        ["R-032"] = new(M, Route.FundingProposal, p =>
        {
            var loan = p.Financing.GcfInstruments.First(g => g.Instrument == FinancialInstrument.SeniorLoan);
            loan.TenorYears = 5;
            loan.GracePeriodYears = 10;
        }),
        ["R-033"] = new(M, Route.FundingProposal, p =>
        {
            p.Financing.GcfInstruments.ForEach(g => g.Instrument = FinancialInstrument.Grant);
            p.Economics.GeneratesRevenue = true;
            p.Economics.ConcessionalityJustification = null;
        }),
        ["R-034"] = new(M, Route.FundingProposal, p => p.Financing.ProjectManagementCost = null),
        // The Saint-Louis PPF request (USD 720,000) keeps the ceiling; USD 2 million does not.
        ["R-035"] = new(P, Route.Ppf, p =>
        {
            p.Financing.GcfInstruments.Clear();
            p.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = Usd(2_000_000) });
        }),
        ["R-036"] = new(M, Route.Readiness, p =>
        {
            p.Target.ReadinessEnvelope = new ReadinessEnvelope { Window = ReadinessWindow.Main, MainUsedUsd = 3_500_000 };
            p.Financing.GcfInstruments.Clear();
            p.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = Usd(1_000_000) });
        }, p =>
        {
            p.Target.ReadinessEnvelope = new ReadinessEnvelope { Window = ReadinessWindow.Main, MainUsedUsd = 1_000_000 };
            p.Financing.GcfInstruments.Clear();
            p.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = Usd(1_000_000) });
        }),
        ["R-037"] = new(M, Route.FundingProposal, _ => { }, p => p.Financing.CoFinancing.ForEach(c => c.Instrument = c.Instrument == FinancialInstrument.InKind ? FinancialInstrument.Grant : c.Instrument)),
        ["R-038"] = new(M, Route.FundingProposal, p => p.Financing.CoFinancing.Clear()),
        ["R-040"] = new(M, Route.FundingProposal, p => p.Results.Indicators.Where(i => i.IrmfCore == IrmfCore.Core1).ToList().ForEach(i => i.IrmfCore = null)),
        ["R-041"] = new(M, Route.FundingProposal, p => p.Results.Indicators.First(i => i.IrmfCore == IrmfCore.Core1 && !(i.Unit ?? "").Contains("year", StringComparison.Ordinal)).FinalTarget = 1000),
        ["R-042"] = new(A, Route.FundingProposal, p => p.Results.Indicators.Where(i => i.IrmfCore == IrmfCore.Core2).ToList().ForEach(i => i.IrmfCore = null)),
        ["R-043"] = new(A, Route.FundingProposal, p => p.AdaptationMeasures[0].Beneficiaries.Direct.Female = 10_000_000),
        ["R-044"] = new(A, Route.FundingProposal, p =>
        {
            var people = p.Results.Indicators.First(i => i.IrmfCore == IrmfCore.Core2);
            people.Disaggregation.BySex = false;
            people.FinalTargetBySex = null;
        }),
        ["R-045"] = new(M, Route.FundingProposal, p => p.Results.Indicators[0].BaselineValue = null),
        ["R-046"] = new(M, Route.FundingProposal, p => p.Results.Indicators.First(i => i.Level == ResultLevel.Output).TargetYear = 2099),
        ["R-047"] = new(M, Route.FundingProposal, p => p.Components[0].Outputs[0].OutcomeIds.Clear()),
        ["R-048"] = new(M, Route.FundingProposal, p => p.Budget.Lines[0].OutputId = "ZZ"),
        ["R-049"] = new(A, Route.FundingProposal, p => p.Results.Indicators.RemoveAll(i => i.IrmfCore == IrmfCore.Core3)),
        ["R-051"] = new(M, Route.FundingProposal, _ => { }, p => p.MitigationMeasures.Clear()),
        ["R-052"] = new(M, Route.FundingProposal, p => p.MitigationMeasures.ForEach(m => m.GridElectricity!.GridEmissionFactor!.Value = 0)),
        ["R-053"] = new(M, Route.FundingProposal, p => p.Annexes.RemoveAll(a => a.Type == AnnexType.TheoryOfChangeDiagram)),
        ["R-060"] = new(M, Route.FundingProposal, p => p.Safeguards.CategoryRationale = null),
        ["R-061"] = new(M, Route.FundingProposal, p =>
        {
            p.Safeguards.Category = EssCategory.C;
            p.Safeguards.Screening.MajorCivilWorks = true;
        }),
        ["R-062"] = new(M, Route.FundingProposal, p =>
        {
            p.Safeguards.Category = EssCategory.A;
            p.Safeguards.EsmpStatus = DocumentStatus.Draft;
        }),
        ["R-063"] = new(M, Route.FundingProposal, p =>
        {
            p.Safeguards.Category = EssCategory.B;
            p.Safeguards.EsiaStatus = DocumentStatus.Draft;
            p.Safeguards.EsmpStatus = DocumentStatus.Draft;
        }),
        ["R-064"] = new(M, Route.FundingProposal, p =>
        {
            p.Safeguards.Category = EssCategory.C;
            p.Safeguards.Screening.Notes = null;
        }),
        ["R-065"] = new(M, Route.FundingProposal, p => p.Gender.ActionPlan.Clear()),
        ["R-066"] = new(M, Route.FundingProposal, p =>
        {
            p.Safeguards.Screening.IndigenousPeoplesPresent = true;
            p.Annexes.RemoveAll(a => a.Type == AnnexType.IndigenousPeoplesPlan);
        }),
        ["R-067"] = new(M, Route.FundingProposal, p => p.Stakeholders.GrievanceMechanism = null),
        ["R-068"] = new(M, Route.FundingProposal, p => p.Basics.TargetBoardDate = p.Basics.CurrentSubmissionDate!.Value.AddDays(5)),
        // The executive summary quotes a GCF contribution the financing does not give (8,365,000).
        ["R-077"] = new(M, Route.FundingProposal, p => p.Narratives.ExecutiveSummary += "\n\nThe GCF contribution of USD 9.37 million is a grant and a loan."),
        ["R-070"] = new(M, Route.FundingProposal, p => p.Basics.ImplementationMonths = 40),
        ["R-071"] = new(M, Route.FundingProposal, p => p.Basics.LifespanYears = 2),
        ["R-072"] = new(M, Route.FundingProposal, p => p.Timetable[0].Start = p.Basics.ImplementationStart!.Value.AddYears(-2)),
        ["R-073"] = new(M, Route.FundingProposal, p => p.Basics.ExpectedAeApprovalDate = p.Basics.TargetBoardDate!.Value.AddDays(30)),
        ["R-074"] = new(M, Route.FundingProposal, p => p.Narratives.InvestmentCriteria.ImpactPotential = null),
        ["R-075"] = new(M, Route.FundingProposal, p => p.Narratives.ExitStrategy = Words(600)),
        ["R-076"] = new(M, Route.FundingProposal, p => p.Narratives.ExecutiveSummary += " See Annex 99.", p => p.Annexes.ForEach(a => a.Status = DocumentStatus.Draft)),
        ["R-078"] = new(M, Route.FundingProposal, p => p.Annexes[0].Confidential = null),
        ["R-079"] = new(M, Route.FundingProposal, p => p.Target.TemplateVersion = null),
        ["R-081"] = new(M, Route.FundingProposal, p => (p.Basics.Locations[1].Latitude, p.Basics.Locations[1].Longitude) = (p.Basics.Locations[1].Longitude, p.Basics.Locations[1].Latitude)),
    };
}
