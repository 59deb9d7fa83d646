using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents;

/// <summary>
/// The mapper of style §9: what a template pack may print about a proposal, every figure
/// computed here and every value already formatted in the proposal's language. Templates
/// get plain dictionaries, lists and strings — never the proposal object — so a template can
/// show only what is listed here.
/// </summary>
public static class DocumentModel
{
    public static Dictionary<string, object?> For(Proposal proposal)
    {
        var culture = new CultureInfo(proposal.Language.ToString().ToLowerInvariant());
        var figures = KeyFigures.Compute(proposal);
        string T(string key) => WizardText.Get(key, culture);
        string Label(Enum? value) => value is null ? "—" : WizardText.Get($"Enum.{value.GetType().Name}.{value}", culture);
        string Number(decimal? value, int decimals = 0) => value is { } v ? NumberText.Format(Math.Round(v, decimals, MidpointRounding.AwayFromZero), culture) : "—";
        string Money(decimal? value) => value is { } v ? NumberText.Money(v, figures.ReportingCurrency, culture) : "—";
        string Date(DateOnly? value) => value?.ToString("d MMMM yyyy", culture) ?? "—";
        var b = proposal.Basics;
        var budget = BudgetBreakdown.Of(proposal);
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

        return new Dictionary<string, object?>
        {
            ["language"] = culture.TwoLetterISOLanguageName,
            ["title"] = b.Title ?? T("Ui.Untitled"),
            ["countries"] = string.Join(", ", b.Countries.Select(c => CountryList.Name(c.Code, culture))),
            ["nda"] = string.Join(", ", proposal.Applicant.NationalDesignatedAuthorities.Select(a => a.Name).Where(a => !string.IsNullOrWhiteSpace(a))),
            ["accredited_entity"] = proposal.Applicant.AccreditedEntity.Name ?? "—",
            ["first_submission"] = Date(b.FirstSubmissionDate),
            ["current_submission"] = Date(b.CurrentSubmissionDate),
            ["version"] = b.VersionNumber ?? "—",
            ["kind"] = Label(b.Kind),
            ["sector"] = Label(b.Sector),
            ["rfp"] = b.SubmittedUnderRfp is { } rfp ? T(rfp ? "Ui.Yes" : "Ui.No") : "—",
            ["result_areas"] = b.ResultAreas.Select(a => (object)new Dictionary<string, object?>
            {
                ["name"] = Label(a.Area),
                ["share"] = a.SharePercent is { } s ? Number(s, 1) + " %" : "—",
            }).ToList(),
            ["figures"] = new Dictionary<string, object?>
            {
                ["tco2_annual"] = Number(figures.AnnualTco2e),
                ["tco2_lifetime"] = Number(figures.LifetimeTco2e),
                ["direct"] = Number(figures.DirectBeneficiaries),
                ["indirect"] = Number(figures.IndirectBeneficiaries),
                ["total"] = Money(figures.TotalFinancing),
                ["gcf"] = Money(figures.GcfRequest),
                ["total_amount"] = Number(budget.Total),
                ["gcf_amount"] = Number(budget.TotalOf(FundingSourceKind.Gcf)),
                ["cofinancing_amount"] = Number(budget.TotalOf(FundingSourceKind.CoFinancing)),
                ["ratio"] = figures.CoFinancingRatioText(culture) ?? "—",
                ["size"] = Label(figures.SizeCategory),
            },
            ["currency"] = figures.ReportingCurrency,
            ["instruments"] = string.Join(", ", proposal.Financing.GcfInstruments.Select(i => Label(i.Instrument)).Distinct()),
            ["duration"] = b.ImplementationMonths?.ToString(culture) ?? "—",
            ["lifespan"] = b.LifespanYears?.ToString(culture) ?? "—",
            ["ess_category"] = Label(proposal.Safeguards.Category),
            ["summary"] = n.ExecutiveSummary ?? "",
            ["context"] = proposal.ClimateRationale.Context ?? "",
            ["description"] = n.ProjectDescription ?? "",
            ["theory_of_change"] = n.TheoryOfChange ?? "",
            ["criteria"] = criteria.Select(c => (object)new Dictionary<string, object?> { ["name"] = Label(c.Criterion), ["text"] = c.Text ?? "" }).ToList(),
            ["engagement"] = proposal.Stakeholders.EngagementPlan ?? "",
            ["justification"] = n.JustificationForGcf ?? "",
            ["exit_strategy"] = n.ExitStrategy ?? "",
            ["financing_by_component"] = budget.Lines.GroupBy(l => l.Line.ComponentId ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (object)new Dictionary<string, object?>
            {
                ["component"] = proposal.Components.FirstOrDefault(c => c.Id == g.Key) is { } component ? $"{component.Id} {component.Name}" : g.Key,
                ["gcf"] = Number(g.Where(l => l.Line.Source == FundingSourceKind.Gcf).Sum(l => l.Amount)),
                ["cofinancing"] = Number(g.Where(l => l.Line.Source == FundingSourceKind.CoFinancing).Sum(l => l.Amount)),
                ["total"] = Number(g.Sum(l => l.Amount)),
            }).ToList(),
            ["annexes"] = proposal.Annexes.Select(a => (object)new Dictionary<string, object?>
            {
                ["number"] = a.Number,
                ["title"] = a.Title ?? Label(a.Type),
                ["status"] = Label(a.Status),
            }).ToList(),
        };
    }
}
