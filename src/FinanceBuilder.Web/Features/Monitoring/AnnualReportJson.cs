using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The annual report as JSON, for a system that takes it further (the AE's own M&E database):
/// plain numbers in US dollars, ISO dates, codes rather than words, and the checks' messages in
/// the package's language.
public sealed record AnnualReportJson(
    string Title, int Year, int ApprovedVersion, string BoardMeeting, DateOnly ApprovedOn, DateOnly DueOn, bool Draft,
    IReadOnlyList<AnnualReportJson.Amount> Approved,
    IReadOnlyList<AnnualReportJson.IndicatorValue> Indicators,
    IReadOnlyList<AnnualReportJson.Disbursement> Disbursements,
    IReadOnlyList<AnnualReportJson.ComponentSpending> Components,
    IReadOnlyList<AnnualReportJson.CoFinancier> CoFinancing,
    IReadOnlyList<AnnualReportJson.PlanItem> ActionPlans,
    IReadOnlyList<AnnualReportJson.Risk> Risks,
    IReadOnlyList<AnnualReportJson.Finding> Findings)
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record Amount(string Instrument, decimal Usd);

    public sealed record IndicatorValue(string Code, string? Name, string? Unit, string Level, bool Due, bool Cumulative, decimal? Baseline, decimal? TargetThisYear, decimal? FinalTarget,
        decimal? Actual, decimal? Women, decimal? Men, string? MissingReason, string? Source, DateOnly? MeasuredOn, string? Evidence, int Corrections);

    public sealed record Disbursement(DateOnly? ReceivedOn, string? Instrument, decimal Usd, string? Reference);

    public sealed record ComponentSpending(string Component, decimal ApprovedGcf, decimal ApprovedCoFinancing, decimal GcfThisYear, decimal CoFinancingThisYear, decimal GcfToDate, decimal CoFinancingToDate);

    public sealed record CoFinancier(string Id, string? Name, string Instrument, decimal? Committed, decimal ThisYear, decimal ToDate);

    /// An item of the gender or the environmental and social action plan, with the status the
    /// round gave it (none: not reported this year).
    public sealed record PlanItem(string Key, string Plan, string Text, string? Status, string? Note);

    /// A risk of the approved register: as approved, and as the round rates it now (null: not
    /// updated this year).
    public sealed record Risk(string Key, string Category, string? Description, string? ApprovedProbability, string? ApprovedImpact,
        string? Mitigation, string? Probability, string? Impact, string? Note);

    public sealed record Finding(string Id, string Severity, string? Subject, string Message);

    private static string Camel(Enum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string? Rated(Enum? value) => value is null ? null : Camel(value);

    public static AnnualReportJson From(AnnualReport r, CultureInfo culture) => new(
        r.Title, r.Year, r.Approval.SubmissionNumber, r.Approval.BoardMeeting, r.Approval.ApprovedOn, r.Round.DueOn, r.HasErrors,
        [.. r.Project.Amounts.Select(a => new Amount(Camel(a.Instrument), a.Usd))],
        [.. r.Indicators.Select(i => new IndicatorValue(i.Indicator.Code, i.Indicator.Name, i.Indicator.Unit, Camel(i.Indicator.Level), i.Due, i.Indicator.Cumulative,
            i.Indicator.BaselineValue, i.TargetIn(r.Year, r.Approval), i.Indicator.FinalTarget, i.Value?.Value, i.Value?.Women, i.Value?.Men, i.Value?.MissingReason,
            i.Value?.Source, i.Value?.MeasuredOn, i.EvidenceName ?? i.Value?.EvidenceReference, i.Corrections))],
        [.. r.Disbursements.Select(d => new Disbursement(d.Data.ReceivedOn, d.Data.Instrument is { } x ? Camel(x) : null, d.Data.Usd, d.Data.Reference))],
        [.. r.Spending.Select(s => new ComponentSpending(s.Component.Id, s.Component.GcfUsd, s.Component.CoFinancingUsd, s.GcfThisYear, s.CoFinancingThisYear, s.GcfToDate, s.CoFinancingToDate))],
        [.. r.CoFinancing.Select(c => new CoFinancier(c.CoFinancier.Id, c.CoFinancier.Name, Camel(c.CoFinancier.Instrument), c.CoFinancier.CommittedUsd, c.ThisYear, c.ToDate))],
        [.. r.Actions.Select(a => new PlanItem(a.Key, Camel(a.Plan), a.Text, a.Status is { } st ? Camel(st.Status) : null, a.Status?.Note))],
        [.. r.Risks.Select(k => new Risk(k.Risk.Key, Camel(k.Risk.Category), k.Risk.Description, Rated(k.Risk.Probability), Rated(k.Risk.Impact),
            k.Risk.Mitigation, Rated(k.Now?.Probability), Rated(k.Now?.Impact), k.Now?.Note))],
        [.. r.Findings.Select(f => new Finding(f.Id, Camel(f.Severity), f.Subject, f.Message(culture)))]);
}
