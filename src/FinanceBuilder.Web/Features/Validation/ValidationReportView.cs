using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Validation;

/// The validation report as the API and `validate --format json` write it, messages in the
/// reader's language.
public sealed record ValidationReportView(
    [property: Description("The type of application checked against: fundingProposal, conceptNote, sap, ppf or readiness.")] string Route,
    [property: Description("The version of the funder's template whose rules were applied.")] string TemplateVersion,
    [property: Description("True when at least one finding has severity error: the package is then a draft.")] bool HasErrors,
    [property: Description("The language of the messages (en or fr).")] string Language,
    [property: Description("The key figures the rules computed.")] FiguresView Figures,
    [property: Description("Every finding, errors first.")] IReadOnlyList<FindingView> Findings,
    [property: Description("Readiness per GCF investment criterion, 0 to 100 (docs/readiness.md).")] IReadOnlyList<ReadinessScore> Criteria,
    [property: Description("Readiness per section of the funder's template, 0 to 100.")] IReadOnlyList<ReadinessScore> Sections)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ValidationReportView From(ValidationReport report, CultureInfo culture) => new(
        JsonNamingPolicy.CamelCase.ConvertName(report.Route.ToString()),
        report.TemplateVersion,
        report.HasErrors,
        culture.TwoLetterISOLanguageName,
        FiguresView.From(report, culture),
        report.Findings.Select(f => new FindingView(
            f.RuleId, f.Severity, f.Paths, RuleMessages.Render(f, culture), f.Source, f.Section, f.Criterion,
            f.Acknowledged is { } a ? new AcknowledgementView(a.Reason, a.By, a.Date) : null)).ToList(),
        report.Criteria,
        report.Sections);
}

public sealed record FindingView(
    [property: Description("The rule's number in the catalogue (docs/rules.md), e.g. R-015.")] string RuleId,
    [property: Description("error (makes the package a draft), warning or advice.")] Severity Severity,
    [property: Description("The JSON paths of the proposal's fields concerned, e.g. $.budget.lines[2].amount.")] IReadOnlyList<string> Paths,
    [property: Description("What is wrong and what to do, in the report's language.")] string Message,
    [property: Description("Where the rule comes from (the funder's policy or template it applies).")] string Source,
    [property: Description("The section of the funder's template the finding belongs to.")] TemplateSection Section,
    [property: Description("The GCF investment criterion the finding weighs on, if any.")] InvestmentCriterion? Criterion,
    [property: Description("Set when a person accepted this warning, with their reason.")] AcknowledgementView? Acknowledged);

public sealed record AcknowledgementView(string Reason, string? By, DateOnly? Date);

public sealed record FiguresView(
    string ReportingCurrency, decimal? TotalFinancing, decimal? GcfRequest, decimal? CoFinancing,
    decimal? TotalFinancingUsd, string? SizeCategory, decimal? GcfSharePercent, string? CoFinancingRatio,
    decimal? AnnualTco2e, decimal? LifetimeTco2e, decimal? CostPerTco2e, decimal? GcfCostPerTco2e,
    long? DirectBeneficiaries, long? IndirectBeneficiaries, decimal? DirectFemalePercent, decimal? DirectPercentOfPopulation,
    bool? SapEligible, IReadOnlyList<EmissionView> Emissions, IReadOnlyList<string> Gaps)
{
    /// The check's figures; SapEligible is the SAP criteria as the check applied them.
    public static FiguresView From(ValidationReport report, CultureInfo culture) => From(report.Figures, report.Sap?.Within, culture);

    private static FiguresView From(Calculators.KeyFigures f, bool? sapEligible, CultureInfo culture) => new(
        f.ReportingCurrency, f.TotalFinancing, f.GcfRequest, f.CoFinancing, f.TotalFinancingUsd,
        f.SizeCategory is { } size ? JsonNamingPolicy.CamelCase.ConvertName(size.ToString()) : null,
        Round(f.GcfSharePercent), f.CoFinancingRatioText(culture), Round(f.AnnualTco2e), Round(f.LifetimeTco2e),
        Round(f.CostPerTco2e), Round(f.GcfCostPerTco2e), f.DirectBeneficiaries, f.IndirectBeneficiaries,
        Round(f.DirectFemalePercent), Round(f.DirectPercentOfPopulation), sapEligible,
        f.Emissions.Select(EmissionView.From).ToList(), f.Gaps);

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2) : null;
}

/// One measure's calculation with every input it used (value, unit, source, default or not).
public sealed record EmissionView(
    string MeasureId, string Method, string MethodVersion, bool Complete, int CreditingYears,
    decimal FirstYearTco2e, decimal AverageAnnualTco2e, decimal LifetimeTco2e,
    IReadOnlyList<Calculators.UsedParameter> Parameters, IReadOnlyList<string> MissingInputs, IReadOnlyList<string> Notes)
{
    public static EmissionView From(Calculators.EmissionResult e) => new(
        e.MeasureId, JsonNamingPolicy.CamelCase.ConvertName(e.Method.ToString()), Calculators.EmissionResult.MethodVersion, e.IsComplete,
        e.CreditingYears, Math.Round(e.FirstYearTco2e, 2), Math.Round(e.AverageAnnualTco2e, 2), Math.Round(e.LifetimeTco2e, 2),
        e.Parameters, e.MissingInputs, e.Notes);
}
