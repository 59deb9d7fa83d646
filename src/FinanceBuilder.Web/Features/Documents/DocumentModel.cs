using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents;

/// <summary>
/// The mapper of style §9: what a template pack may print about a proposal, every figure
/// computed here (R-080) and every value already formatted in the proposal's language. Templates
/// get plain dictionaries, lists and strings — never the proposal object — so a template can
/// show only what is listed here. Missing values are Unanswered.Mark. Split by topic: this file holds the
/// cover, section A and the narratives; DocumentModel.Financing (C, D.6), DocumentModel.Results
/// (E, emission series) and DocumentModel.Implementation (timetable, F, G, H).
/// </summary>
public static partial class DocumentModel
{
    /// The pack's document for the proposal, as every renderer and the preview draw it: the
    /// templates' Markdown read into content, unanswered questions resolved for a draft (the
    /// check found errors) or a final document.
    /// Pictures (DocumentPictures) are drawn where the templates place them; without them, their
    /// figures are left out.
    public static ContentDocument Document(TemplatePack pack, Proposal proposal, ValidationReport report, string language, IReadOnlyDictionary<string, DocumentImage>? pictures = null) =>
        Unanswered.Resolve(MarkdownReader.Read(pack.RenderMarkdown(For(proposal, report, withMap: pictures?.ContainsKey(DocumentPictures.LocationMap) == true), language), pictures ?? NoPictures), report.HasErrors, new CultureInfo(language));

    private static string ImplementationPeriod(ProjectBasics b, ValueFormat f)
    {
        var months = b.ImplementationMonths is { } count ? string.Format(f.Culture, f.Text("Document.MonthsCount"), f.Number(count)) : null;
        var dates = b.ImplementationStart is null && b.ImplementationEnd is null ? null : $"({f.Date(b.ImplementationStart)} – {f.Date(b.ImplementationEnd)})";
        return (months, dates) switch
        {
            (null, null) => ValueFormat.Missing,
            (null, _) => dates!,
            (_, null) => months,
            _ => $"{months} {dates}",
        };
    }

    private static readonly Dictionary<string, DocumentImage> NoPictures = [];

    /// The model of <paramref name="proposal"/> with the figures and the findings of its one check
    /// (<paramref name="report"/>, for the route of the pack being drawn): every statement the
    /// document makes about eligibility or compliance is read from that check, never worked out
    /// again here, so the document and its validation report cannot disagree.
    /// <param name="withMap">The location map is drawn (DocumentPictures): the model places it.</param>
    public static Dictionary<string, object?> For(Proposal proposal, ValidationReport report, bool withMap = false)
    {
        var culture = new CultureInfo(proposal.Language.ToString().ToLowerInvariant());
        var figures = report.Figures;
        var f = new ValueFormat(culture, figures.ReportingCurrency);
        var budget = BudgetBreakdown.Of(proposal);
        var b = proposal.Basics;
        var n = proposal.Narratives;
        var criteria = new (InvestmentCriterion Criterion, string? Text)[]
        {
            (InvestmentCriterion.ImpactPotential, n.InvestmentCriteria.ImpactPotential),
            (InvestmentCriterion.ParadigmShift, n.InvestmentCriteria.ParadigmShift),
            (InvestmentCriterion.SustainableDevelopment, n.InvestmentCriteria.SustainableDevelopment),
            (InvestmentCriterion.NeedsOfRecipient, n.InvestmentCriteria.NeedsOfRecipient),
            (InvestmentCriterion.CountryOwnership, n.InvestmentCriteria.CountryOwnership),
            (InvestmentCriterion.EfficiencyEffectiveness, n.InvestmentCriteria.EfficiencyEffectiveness),
        };

        var model = new Dictionary<string, object?>
        {
            ["language"] = culture.TwoLetterISOLanguageName,
            ["title"] = b.Title ?? f.Text("Ui.Untitled"),
            ["countries"] = ValueFormat.OrMissing(string.Join(", ", b.Countries.Select(c => CountryList.Name(c.Code, culture)))),
            ["nda"] = ValueFormat.OrMissing(string.Join(", ", proposal.Applicant.NationalDesignatedAuthorities.Select(a => a.Name).Where(a => !string.IsNullOrWhiteSpace(a)))),
            ["accredited_entity"] = proposal.Applicant.AccreditedEntity.Name ?? ValueFormat.Missing,
            ["access_modality"] = f.Label(proposal.Applicant.AccreditedEntity.AccessModality),
            ["proponent"] = proposal.Applicant.Proponent.Name ?? ValueFormat.Missing,
            ["executing_entities"] = proposal.Applicant.ExecutingEntities.Select(e => (object)new Dictionary<string, object?>
            {
                ["name"] = ValueFormat.OrMissing(e.Name),
                ["type"] = f.Label(e.Type),
                ["role"] = ValueFormat.OrMissing(e.Role),
                ["share"] = f.TypedPercent(e.BudgetSharePercent),
            }).ToList(),
            // The cover's dates as the funder's template asks for them, in every language: YYYY/MM/DD.
            ["first_submission"] = ValueFormat.FormDate(b.FirstSubmissionDate),
            ["current_submission"] = ValueFormat.FormDate(b.CurrentSubmissionDate),
            ["version"] = b.VersionNumber ?? ValueFormat.Missing,
            ["kind"] = f.Boxes(b.Kind),
            ["sector"] = f.Boxes(b.Sector),
            ["focus"] = f.Boxes(b.Focus),
            ["economic_sector"] = f.Label(b.EconomicSector),
            ["rfp"] = f.Boxes(b.SubmittedUnderRfp),
            ["rfp_name"] = ValueFormat.OrMissing(b.RfpName),
            ["cn_before"] = f.Boxes(b.SubmittedAsConceptNoteBefore),
            ["preparation_support"] = f.Boxes(b.PreparationSupportUsed),
            ["preparation_reference"] = ValueFormat.OrMissing(b.PreparationSupportReference),
            ["in_entity_programme"] = f.Boxes(b.InEntityWorkProgramme),
            ["in_country_programme"] = f.Boxes(b.InCountryProgramme),
            ["implementation_start"] = f.Date(b.ImplementationStart),
            ["implementation_end"] = f.Date(b.ImplementationEnd),
            ["ae_approval"] = f.Date(b.ExpectedAeApprovalDate),
            ["board_date"] = f.Date(b.TargetBoardDate),
            ["locations"] = ValueFormat.OrMissing(string.Join("; ", b.Locations.Select(l => l.Name).Where(l => !string.IsNullOrWhiteSpace(l)))),
            // The local governments covered: a table in the description, a list in the summary.
            ["local_governments"] = b.LocalGovernments.Select(l => (object)new Dictionary<string, object?>
            {
                ["name"] = l.Count is { } count ? $"{ValueFormat.OrMissing(l.Name)} ({f.Number(count)})" : ValueFormat.OrMissing(l.Name),
                ["level"] = f.Label(l.Level),
                ["population"] = l.Population is { } people
                    ? f.Number(people) + (l.PopulationSource is { Length: > 0 } || l.PopulationYear is not null ? $" ({string.Join(", ", new[] { l.PopulationSource, l.PopulationYear?.ToString(CultureInfo.InvariantCulture) }.Where(x => !string.IsNullOrWhiteSpace(x)))})" : "")
                    : ValueFormat.Missing,
            }).ToList(),
            // "Banikoara; Gogounou; … (25)"; a single line for unnamed ones carries its count once.
            ["local_government_names"] = b.LocalGovernments switch
            {
                [] => ValueFormat.Missing,
                [{ Count: > 1 and var count } only] => $"{only.Name} ({f.Number(count)})",
                [var only] => only.Name ?? ValueFormat.Missing, // one place: no count to add
                var places => $"{string.Join("; ", places.Select(l => l.Count is { } count ? $"{l.Name} ({f.Number(count)})" : l.Name).Where(n => !string.IsNullOrWhiteSpace(n)))} ({f.Number(places.Sum(l => l.Places()))})",
            },
            ["result_areas"] = b.ResultAreas.Select(a => (object)new Dictionary<string, object?>
            {
                ["name"] = f.Label(a.Area),
                ["share"] = f.TypedPercent(a.SharePercent),
            }).ToList(),
            ["figures"] = Figures(proposal, report, budget, f),
            ["currency"] = figures.ReportingCurrency,
            ["instruments"] = ValueFormat.OrMissing(string.Join(", ", proposal.Financing.GcfInstruments.Select(i => f.Label(i.Instrument)).Distinct())),
            ["duration"] = f.Number(b.ImplementationMonths),
            // "60 months (31 March 2027 – 31 March 2032)", each part only when answered: a missing
            // duration never leaves "Not answered months".
            ["implementation_period"] = ImplementationPeriod(b, f),
            ["duration_years"] = b.ImplementationMonths is { } months ? f.Number(months / 12m, 1) : ValueFormat.Missing,
            ["lifespan"] = f.Number(b.LifespanYears),
            // With its unit, so a final document without the answer leaves no "years" alone.
            ["lifespan_years"] = b.LifespanYears is { } years ? string.Format(f.Culture, f.Text("Document.YearsCount"), f.Number(years)) : ValueFormat.Missing,
            ["ess_category"] = f.Label(proposal.Safeguards.Category),
            ["summary"] = ValueFormat.OrMissing(n.ExecutiveSummary),
            ["complementarity"] = ValueFormat.OrMissing(n.Complementarity),
            ["context"] = ValueFormat.OrMissing(proposal.ClimateRationale.Context),
            ["description"] = ValueFormat.OrMissing(n.ProjectDescription),
            ["theory_of_change"] = ValueFormat.OrMissing(n.TheoryOfChange),
            ["criteria"] = criteria.Select((c, i) => (object)new Dictionary<string, object?>
            {
                ["number"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                ["name"] = f.Label(c.Criterion),
                ["text"] = ValueFormat.OrMissing(c.Text),
            }).ToList(),
            ["engagement"] = ValueFormat.OrMissing(proposal.Stakeholders.EngagementPlan),
            ["justification"] = ValueFormat.OrMissing(n.JustificationForGcf),
            ["exit_strategy"] = ValueFormat.OrMissing(n.ExitStrategy),
            ["components"] = Components(proposal, f),
            ["climate"] = Climate(proposal.ClimateRationale, f),
            ["governance"] = new Dictionary<string, object?>
            {
                ["arrangements"] = ValueFormat.OrMissing(proposal.Governance.ImplementationArrangements),
                ["steering_committee"] = ValueFormat.OrMissing(proposal.Governance.SteeringCommittee),
                ["flow_of_funds"] = ValueFormat.OrMissing(proposal.Governance.FlowOfFunds),
                ["procurement"] = ValueFormat.OrMissing(proposal.Governance.Procurement),
                ["financial_management"] = ValueFormat.OrMissing(proposal.Governance.FinancialManagement),
            },
        };
        AddFinancing(model, proposal, figures, budget, f);
        AddResults(model, proposal, figures, f);
        AddImplementation(model, proposal, f);
        if (withMap)
            AddLocationMap(model, proposal, f);
        AddPreparation(model, proposal, report, f);
        return model;
    }

    /// Key figures (A.5–A.10, §6.4): computed, never typed (R-080).
    private static Dictionary<string, object?> Figures(Proposal proposal, ValidationReport report, BudgetBreakdown budget, ValueFormat f)
    {
        var figures = report.Figures;
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
        var assets = proposal.AdaptationMeasures.SelectMany(m => m.AssetsProtected).Select(a => a.ReplacementValue)
            .Where(v => v is not null).Select(v => converter.Convert(v!, f.Currency)).ToList();
        // Each area once: a resource-protection record of an adaptation measure's land is that land.
        var hectares = proposal.AdaptationMeasures.Select(m => m.Hectares)
            .Concat(proposal.ResourceProtection.Where(r => r.AddsHectares(proposal)).Select(r => r.AreaHectares)).Where(h => h is not null).ToList();
        // A mitigation-only project has no adaptation beneficiaries and an adaptation-only one no
        // tonnes: the funder's form says "not applicable" there, not "missing".
        // Mitigation measures that count the people they reach have beneficiaries too: the
        // areas are those the check found, so the report and the documents say the same.
        var (mitigation, adaptation, reached) = (report.Areas.Mitigation, report.Areas.Adaptation, report.Areas.Beneficiaries);
        var notApplicable = FinanceBuilder.Web.Proposals.Text.ProposalText.Get("Document.NotApplicable", f.Culture);
        return new Dictionary<string, object?>
        {
            ["mitigation_applies"] = mitigation,
            ["adaptation_applies"] = adaptation,
            ["beneficiaries_apply"] = reached,
            ["tco2_annual"] = mitigation ? f.Number(figures.AnnualTco2e) : notApplicable,
            ["tco2_lifetime"] = mitigation ? f.Number(figures.LifetimeTco2e) : notApplicable,
            ["direct"] = reached ? f.Number(figures.DirectBeneficiaries) : notApplicable,
            ["indirect"] = reached ? f.Number(figures.IndirectBeneficiaries) : notApplicable,
            ["direct_female"] = f.Percent(figures.DirectFemalePercent),
            ["direct_population_share"] = f.Percent(figures.DirectPercentOfPopulation),
            ["indirect_population_share"] = f.Percent(figures.IndirectPercentOfPopulation),
            ["assets_value"] = assets.Count > 0 && assets.All(a => a is not null) ? f.Money(assets.Sum()) : ValueFormat.Missing,
            ["hectares"] = hectares.Count > 0 ? f.Number(hectares.Sum(), 1) : ValueFormat.Missing,
            ["total"] = f.Money(figures.TotalFinancing),
            ["gcf"] = f.Money(figures.GcfRequest),
            ["cofinancing"] = f.Money(figures.CoFinancing),
            ["gcf_share"] = f.Percent(figures.GcfSharePercent),
            ["total_amount"] = f.Number(budget.Total),
            ["gcf_amount"] = f.Number(budget.TotalOf(FundingSourceKind.Gcf)),
            ["cofinancing_amount"] = f.Number(budget.TotalOf(FundingSourceKind.CoFinancing)),
            ["ratio"] = figures.CoFinancingRatioText(f.Culture) ?? ValueFormat.Missing,
            ["cost_per_tco2"] = f.PerTonne(figures.CostPerTco2e),
            ["gcf_cost_per_tco2"] = f.PerTonne(figures.GcfCostPerTco2e),
            ["size"] = f.Label(figures.SizeCategory),
            // R-014 and R-015 as this check found them (null until amount and category are known).
            ["sap_eligible"] = f.YesNo(report.Sap?.Within),
            ["sap_ceiling"] = f.Money(report.Sap?.CeilingUsd, "USD"),
        };
    }

    /// B.3: components → outputs → activities, as numbered by the user.
    private static List<object> Components(Proposal proposal, ValueFormat f) =>
        proposal.Components.Select(c => (object)new Dictionary<string, object?>
        {
            ["id"] = c.Id,
            ["name"] = ValueFormat.OrMissing(c.Name),
            ["description"] = c.Description ?? "",
            ["outputs"] = c.Outputs.Select(o => (object)new Dictionary<string, object?>
            {
                ["id"] = o.Id,
                ["name"] = ValueFormat.OrMissing(o.Name),
                ["activities"] = o.Activities.Select(a => (object)new Dictionary<string, object?>
                {
                    ["id"] = a.Id,
                    ["name"] = ValueFormat.OrMissing(a.Name),
                    ["start"] = f.MonthYear(a.Start),
                    ["end"] = f.MonthYear(a.End),
                }).ToList(),
            }).ToList(),
        }).ToList();

    /// B.1 and D.4–D.5 facts: hazards, barriers, vulnerability and the plans the project implements.
    private static Dictionary<string, object?> Climate(ClimateRationale rationale, ValueFormat f) => new()
    {
        ["hazards"] = rationale.Hazards.Select(h => (object)new Dictionary<string, object?>
        {
            ["type"] = f.Label(h.Type),
            ["description"] = ValueFormat.OrMissing(h.Description),
            ["projection"] = ValueFormat.OrMissing(h.ProjectedChange?.Description),
        }).ToList(),
        ["barriers"] = rationale.Barriers.Select(x => (object)new Dictionary<string, object?>
        {
            ["type"] = f.Label(x.Type),
            ["description"] = ValueFormat.OrMissing(x.Description),
        }).ToList(),
        ["policies"] = rationale.PolicyAlignment.Select(p => (object)new Dictionary<string, object?>
        {
            ["type"] = f.Label(p.Type),
            ["title"] = ValueFormat.OrMissing(p.Title),
            ["reference"] = ValueFormat.OrMissing(p.Reference),
        }).ToList(),
        ["baseline_tco2"] = f.Number(rationale.BaselineEmissions?.TotalTco2e),
        ["baseline_year"] = rationale.BaselineEmissions?.Year?.ToString(CultureInfo.InvariantCulture) ?? ValueFormat.Missing,
        ["poverty_rate"] = f.Percent(rationale.Vulnerability.PovertyRatePercent),
        ["vulnerable_groups"] = ValueFormat.OrMissing(rationale.Vulnerability.VulnerableGroups),
        ["vulnerability"] = rationale.Vulnerability.Description ?? "",
    };
}
