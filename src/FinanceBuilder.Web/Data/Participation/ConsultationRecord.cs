using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Participation;

/// One consultation held for a proposal — a meeting, workshop, survey — as a record of its own
/// (docs/decisions/0022-participation.md): when and where, how, in which languages, who organised
/// it, the participation level it reached, what was asked, and who came, counted and never listed.
public sealed class ConsultationRecord
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner, for the tenancy filter.
    public Guid OrganisationId { get; set; }
    public DateOnly HeldOn { get; set; }
    public ConsultationFormat Method { get; set; }
    /// The venue, or null for one held online.
    public string? Place { get; set; }
    public bool Online { get; set; }
    public string? Languages { get; set; }
    public string? Organiser { get; set; }
    public ParticipationLevel Level { get; set; }
    public string? Asked { get; set; }
    /// Attendance counted by sex, age band and group, as JSON (Attendance).
    public string Attendance { get; set; } = "{}";
    public DateTime RecordedAt { get; set; }
    public string RecordedByName { get; set; } = "";
}

/// Who came, counted: by sex (with "not said"), by age band and by group. A person may be in
/// several groups; the groups are those the proposal's stakeholder list names (StakeholderGroup).
public sealed record Attendance(long Women, long Men, long NotSaid, IReadOnlyDictionary<AgeBand, long> Ages, IReadOnlyDictionary<StakeholderGroup, long> Groups)
{
    public static readonly Attendance None = new(0, 0, 0, new Dictionary<AgeBand, long>(), new Dictionary<StakeholderGroup, long>());

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public long Total => Women + Men + NotSaid;

    public static Attendance Read(string json) => string.IsNullOrEmpty(json) || json == "{}" ? None : JsonSerializer.Deserialize<Attendance>(json, Options) ?? None;

    public string Write() => JsonSerializer.Serialize(this, Options);
}
