using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Monitoring;

/// A line of a round's finances and plans — a disbursement received, a component's spending, a
/// co-financier's money received, the status of an action-plan item, a risk's new rating — only
/// ever added, like indicator values: a change is a new row that names the row it corrects and
/// why (ADR 0021). One table for the five kinds: each kind's figures are a small JSON record
/// (RoundEntryData), read back typed; volumes are a few hundred rows per project.
public sealed class RoundEntry
{
    public long Id { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Year { get; set; }
    public EntrySection Section { get; set; }
    /// Which line: the component's or co-financier's id, the action's or risk's key, or the
    /// disbursement's number in its year.
    public string Key { get; set; } = "";
    public string Data { get; set; } = "{}";
    /// A correction that withdraws the line (a disbursement entered twice).
    public bool Withdrawn { get; set; }
    public long? CorrectsId { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTime EnteredAt { get; set; }
    public Guid? EnteredByUserId { get; set; }
    public string EnteredByName { get; set; } = "";
}

public enum EntrySection { Disbursement, Expenditure, CoFinancing, Action, Risk }

public enum ActionStatus { NotStarted, OnTrack, Delayed, Completed, Dropped }

public sealed record DisbursementData(DateOnly? ReceivedOn, FinancialInstrument? Instrument, decimal Usd, string? Reference);

public sealed record ExpenditureData(decimal? GcfUsd, decimal? CoFinancingUsd);

public sealed record CoFinancingData(decimal Usd);

/// Label is the text of an item the team added (environmental and social measures).
public sealed record ActionData(ActionStatus Status, string? Note, string? Label, ActionPlanKind Plan);

public sealed record RiskData(Rating? Probability, Rating? Impact, string? Note);

public static class RoundEntryData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static T Read<T>(RoundEntry entry) => JsonSerializer.Deserialize<T>(entry.Data, Options)!;

    public static string Write<T>(T data) => JsonSerializer.Serialize(data, Options);
}
