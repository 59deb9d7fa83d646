using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// Small computed-figure panels: each writes a heading and a definition list of figures, with
/// "not computed yet" and the reason when an input is missing.
internal sealed class FigureWriter(Html html, CultureInfo culture, ValidationReport report)
{
    private readonly KeyFigures figures = report.Figures;

    /// The computed size category, "not applicable" on a route where it says nothing (a PPF request).
    private string Size() => !report.SizeApplies ? T("Document.NotApplicable")
        : figures.SizeCategory is { } size ? ProposalText.Enum(size) : T("Ui.NotYet");

    private string T(string key) => ProposalText.Get(key, culture);

    private string F(string key, params object?[] args) => ProposalText.Format(culture, key, args);

    private string Num(decimal? value, int decimals = 0) =>
        value is { } v ? NumberText.Format(Math.Round(v, decimals, MidpointRounding.AwayFromZero), culture) : T("Ui.NotYet");

    /// "451 tCO2e", or "not computed yet" without a unit.
    private string Tonnes(decimal? value) => !report.Areas.Mitigation ? T("Document.NotApplicable")
        : value is { } v ? Num(v) + " " + T("Ui.Tco2") : T("Ui.NotYet");

    private string Usd(decimal? value) => value is { } v ? NumberText.Money(v, "USD", culture) : T("Ui.NotYet");

    /// A cost per tonne keeps its cents: USD 158.61.
    /// "Not applicable" without mitigation measures, as in the validation report.
    private string PerTonne(decimal? value) => !report.Areas.Mitigation ? T("Document.NotApplicable")
        : value is { } v ? NumberText.Money(v, figures.ReportingCurrency, culture, decimals: 2) : T("Ui.NotYet");

    private string Money(decimal? value) => value is { } v ? NumberText.Money(v, figures.ReportingCurrency, culture) : T("Ui.NotYet");

    private void Title(string key) => html.Raw("<h2 class=\"panel-title\">").Text(T(key)).Raw("</h2>");

    private void Open() => html.Raw("<dl class=\"figures\">");

    private void Close() => html.Raw("</dl>");

    private void Row(string labelKey, string value) =>
        html.Raw("<div><dt>").Text(T(labelKey)).Raw("</dt><dd>").Text(value).Raw("</dd></div>");

    public void Size(Proposal proposal)
    {
        Title("Panel.Size");
        Open();
        Row("Panel.TotalUsd", Usd(figures.TotalFinancingUsd));
        Row("Panel.ComputedSize", Size());
        Row("Panel.DeclaredSize", proposal.Basics.DeclaredSizeCategory is { } declared ? ProposalText.Enum(declared) : T("Ui.NotAnswered"));
        Close();
    }

    public void ResultAreaShares(Proposal proposal)
    {
        var sum = proposal.Basics.ResultAreas.Sum(a => a.SharePercent ?? 0);
        Title("Panel.Shares");
        Open();
        Row("Panel.SharesTotal", Num(sum, 1) + " %");
        Close();
        if (proposal.Basics.ResultAreas.Count > 0 && sum != 100)
            html.Raw("<p class=\"panel-note\">").Text(F("Panel.SharesNot100", Num(100 - sum, 1))).Raw("</p>");
    }

    public void Emissions(MitigationMeasure measure)
    {
        var result = figures.Emissions.FirstOrDefault(e => e.MeasureId == measure.Id);
        Title("Panel.Emissions");
        if (result is null)
        {
            html.Raw("<p>").Text(T("Ui.NotYet")).Raw("</p>");
            return;
        }
        // A result is shown only when every input is there: a "0 tCO2e" computed from missing
        // inputs would read as a result. What is missing is listed below instead.
        if (result.MissingInputs.Count == 0)
        {
            Open();
            Row("Panel.FirstYear", Tonnes(result.FirstYearTco2e));
            Row("Panel.AverageAnnual", Tonnes(result.AverageAnnualTco2e));
            Row("Panel.Lifetime", F(Plural.Key("Panel.LifetimeValue", result.CreditingYears, culture), result.CreditingYears, Num(result.LifetimeTco2e)));
            Close();
        }
        else
            html.Raw("<p>").Text(T("Ui.NotYet")).Raw("</p>");
        if (result.Parameters.Count > 0)
        {
            html.Raw("<table class=\"parameters\"><caption>").Text(T("Panel.Parameters")).Raw("</caption><thead><tr><th scope=\"col\">")
                .Text(T("Panel.Parameter")).Raw("</th><th scope=\"col\">").Text(T("Panel.Value")).Raw("</th><th scope=\"col\">").Text(T("Panel.Source")).Raw("</th></tr></thead><tbody>");
            foreach (var p in result.Parameters)
                html.Raw("<tr><td>").Text(p.Name).Raw("</td><td>").Text(NumberText.Format(p.Value, culture) + " " + p.Unit).Raw("</td><td>")
                    .Text((p.IsDefault ? T("Panel.Default") + " — " : "") + p.Source).Raw("</td></tr>");
            html.Raw("</tbody></table>");
        }
        if (result.MissingInputs.Count > 0)
        {
            html.Raw("<p class=\"panel-note\">").Text(T("Panel.Missing")).Raw("</p><ul class=\"missing\">");
            foreach (var missing in result.MissingInputs)
                html.Raw("<li>").Text(ProposalText.Label(missing.StartsWith("$.", StringComparison.Ordinal) ? missing[2..] : missing)).Raw("</li>");
            html.Raw("</ul>");
        }
        foreach (var note in result.Notes)
            html.Raw("<p class=\"panel-note\">").Text(note).Raw("</p>");
    }

    /// The project's totals as the documents print them: the sum of the measures whose inputs
    /// are complete, rounded once (never a sum of rounded figures).
    public void EmissionTotals(Proposal proposal)
    {
        Title("Panel.EmissionTotals");
        Open();
        Row("Panel.ProjectAnnual", Tonnes(figures.AnnualTco2e));
        Row("Panel.ProjectLifetime", Tonnes(figures.LifetimeTco2e));
        Close();
        var counted = figures.Emissions.Count(e => e.IsComplete);
        var measures = proposal.MitigationMeasures.Count;
        if (counted < measures)
            html.Raw("<p class=\"panel-note\">").Text(F("Panel.EmissionTotalsPartial", counted, measures)).Raw("</p>");
        html.Raw("<p class=\"panel-note\">").Text(T("Panel.EmissionTotalsDocuments")).Raw("</p>");
    }

    public void Beneficiaries()
    {
        Title("Panel.Beneficiaries");
        Open();
        Row("Panel.Direct", Num(figures.DirectBeneficiaries));
        Row("Panel.Indirect", Num(figures.IndirectBeneficiaries));
        Row("Panel.DirectFemale", figures.DirectFemalePercent is { } f ? Num(f, 1) + " %" : T("Ui.NotYet"));
        Row("Panel.DirectOfPopulation", figures.DirectPercentOfPopulation is { } d ? Num(d, 1) + " %" : T("Ui.NotYet"));
        Close();
    }

    public void KeyFigures()
    {
        Title("Panel.KeyFigures");
        Open();
        Row("Panel.GcfRequest", Money(figures.GcfRequest));
        Row("Panel.CoFinancing", Money(figures.CoFinancing));
        Row("Panel.Total", Money(figures.TotalFinancing));
        Row("Panel.GcfShare", figures.GcfSharePercent is { } s ? Num(s, 1) + " %" : T("Ui.NotYet"));
        Row("Panel.Ratio", figures.CoFinancingRatioText(culture) ?? T("Ui.NotYet"));
        Row("Panel.ComputedSize", Size());
        Row("Panel.CostPerTonne", PerTonne(figures.CostPerTco2e));
        Close();
    }

    /// The SAP criteria as the check applied them (the ceiling of the proposal's template version).
    public void SapLimits(Proposal proposal, SapCheck? sap)
    {
        if (sap is null)
            return; // the page's check is not the SAP's: the rules say nothing about it
        Title("Panel.Sap");
        Open();
        Row("Panel.SapMax", Usd(sap.CeilingUsd));
        Row("Panel.GcfRequestUsd", Usd(figures.GcfRequestUsd));
        Row("Panel.SapCategories", string.Join(", ", sap.Categories.Select(c => ProposalText.Enum(c))));
        Row("Panel.Category", proposal.Safeguards.Category is { } c2 ? ProposalText.Enum(c2) : T("Ui.NotAnswered"));
        Row("Panel.SapEligible", sap.Within is { } e ? T(e ? "Ui.Yes" : "Ui.No") : T("Ui.NotYet"));
        Close();
    }

    public void Criterion(string criterion)
    {
        Title("Panel.CriterionFigures");
        Open();
        switch (criterion)
        {
            case "impactPotential":
                Row("Panel.AverageAnnual", Tonnes(figures.AnnualTco2e));
                Row("Panel.LifetimeTotal", Tonnes(figures.LifetimeTco2e));
                Row("Panel.Direct", Num(figures.DirectBeneficiaries));
                Row("Panel.Indirect", Num(figures.IndirectBeneficiaries));
                break;
            case "efficiencyEffectiveness":
                Row("Panel.CostPerTonne", PerTonne(figures.CostPerTco2e));
                Row("Panel.GcfCostPerTonne", PerTonne(figures.GcfCostPerTco2e));
                Row("Panel.Ratio", figures.CoFinancingRatioText(culture) ?? T("Ui.NotYet"));
                Row("Panel.GcfShare", figures.GcfSharePercent is { } s ? Num(s, 1) + " %" : T("Ui.NotYet"));
                break;
            case "needsOfRecipient":
                Row("Panel.DirectOfPopulation", figures.DirectPercentOfPopulation is { } d ? Num(d, 1) + " %" : T("Ui.NotYet"));
                Row("Panel.GcfRequest", Money(figures.GcfRequest));
                break;
            default:
                Row("Panel.Total", Money(figures.TotalFinancing));
                Row("Panel.LifetimeTotal", Tonnes(figures.LifetimeTco2e));
                break;
        }
        Close();
        html.Raw("<p class=\"panel-note\">").Text(T("Panel.FiguresFromData")).Raw("</p>");
    }

    /// Where the indicators' baselines can come from: the shared library's territorial data.
    public void TerritorialBaselines(string? url)
    {
        Title("Panel.TerritorialBaselinesTitle");
        html.Raw("<p>").Text(T("Panel.TerritorialBaselines")).Raw("</p>");
        if (url is not null)
            html.Raw("<p><a").Attr("href", url).Raw(">").Text(T("Panel.TerritorialBaselinesLink")).Raw("</a></p>");
    }

    public void NoObjection(Proposal proposal)
    {
        Title("Panel.NoObjection");
        if (proposal.Applicant.NationalDesignatedAuthorities.Count == 0)
        {
            html.Raw("<p>").Text(T("Panel.NoNda")).Raw("</p>");
            return;
        }
        Open();
        foreach (var nda in proposal.Applicant.NationalDesignatedAuthorities)
            html.Raw("<div><dt>").Text(nda.CountryCode is { } code ? CountryList.Name(code, culture) : nda.Name ?? "?").Raw("</dt><dd>")
                .Text(ProposalText.Enum(nda.NoObjectionLetter.Status)).Raw("</dd></div>");
        Close();
    }

    public void OpenWarnings(ValidationReport report, Func<Finding, string>? acceptUrl)
    {
        Title("Panel.OpenWarnings");
        var open = report.Findings.Where(f => f.Severity == Severity.Warning && f.Acknowledged is null).ToList();
        if (open.Count == 0)
        {
            html.Raw("<p>").Text(T("Panel.NoOpenWarnings")).Raw("</p>");
            return;
        }
        html.Raw("<ul class=\"finding-list\">");
        foreach (var finding in open)
        {
            html.Raw("<li class=\"finding finding--warning\"><span class=\"rule-id\">").Text(finding.RuleId).Raw("</span> ")
                .Text(RuleMessages.Render(finding, culture)).Raw(" <span class=\"finding-where\">").Text(QuestionOf(finding) is { Length: > 0 } question ? "— " + question : "").Raw("</span>");
            if (acceptUrl is not null)
                html.Raw(" <a class=\"button button--small button--secondary accept-warning\"").Attr("href", acceptUrl(finding)).Raw(">").Text(T("Ui.AcceptWarning")).Raw("</a>");
            html.Raw("</li>");
        }
        html.Raw("</ul>");
    }

    /// The question a finding is about, by its label (an officer never reads a JSON path).
    private static string QuestionOf(Finding finding) =>
        finding.Paths.Count == 0 ? "" : ProposalText.Find("Field." + ModelPath.Normalize(finding.Paths[0].StartsWith("$.", StringComparison.Ordinal) ? finding.Paths[0][2..] : finding.Paths[0])) ?? "";
}
