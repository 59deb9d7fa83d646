using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Monitoring;

/// What the approved version committed to besides its indicators, copied with the approval so
/// that every round reports against the same budget, co-financiers, action plans and risks
/// whatever happens to the proposal later. Stored as JSON on the approval (ApprovalRecord.Plan).
public sealed record ApprovedPlan(
    IReadOnlyList<PlannedComponent> Components,
    IReadOnlyList<PlannedCoFinancier> CoFinanciers,
    IReadOnlyList<PlannedAction> Actions,
    IReadOnlyList<PlannedRisk> Risks)
{
    public static readonly ApprovedPlan Empty = new([], [], [], []);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ApprovedPlan Read(string json) =>
        string.IsNullOrEmpty(json) ? Empty : JsonSerializer.Deserialize<ApprovedPlan>(json, Options) ?? Empty;

    public string Write() => JsonSerializer.Serialize(this, Options);
}

/// A component's approved budget in US dollars, in total and by calendar year, by source.
public sealed record PlannedComponent(string Id, string? Name, decimal GcfUsd, decimal CoFinancingUsd, IReadOnlyDictionary<int, decimal> ByYearUsd);

public sealed record PlannedCoFinancier(string Id, string? Name, FinancialInstrument Instrument, decimal? CommittedUsd);

/// An item of the gender action plan, or of the environmental and social plan (added by the team
/// in a round: the proposal lists no ESMP measures).
public sealed record PlannedAction(string Key, ActionPlanKind Plan, string Text, DateOnly? End);

public sealed record PlannedRisk(string Key, RiskCategory Category, string? Description, Rating? Probability, Rating? Impact, string? Mitigation);

public enum ActionPlanKind { Gender, Environmental }
