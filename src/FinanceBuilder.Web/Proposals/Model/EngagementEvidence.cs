using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceBuilder.Web.Proposals.Model;

/// What the participation records say about a proposal (docs/decisions/0022-participation.md):
/// the consultations held with their attendance, what was said and how much of it has a response,
/// the grievance register's figures, the public page. The stakeholder rule and the
/// stakeholder-engagement annex read it.
///
/// It is not part of the proposal's document — the records live beside the proposal, written by
/// other people than those who type the wizard, and writing them into the document would make
/// every autosave meet a newer version. The stored proposal carries it in a column of its own,
/// refreshed whenever a record changes, and a submitted version keeps the one it was submitted
/// with; whoever reads a proposal from storage attaches it to the object (Attach) before checking.
/// A proposal read from a file has none: the rule then reads the proposal's own consultation rows.
public sealed record EngagementEvidence
{
    public IReadOnlyList<HeldConsultation> Consultations { get; init; } = [];
    public int Inputs { get; init; }
    public int InputsWithoutResponse { get; init; }
    public int Accepted { get; init; }
    public int DesignChanged { get; init; }
    public int NotTaken { get; init; }
    /// Inputs entered by staff for residents without internet or in another language.
    public int Assisted { get; init; }
    public int FromPublicPage { get; init; }
    public GrievanceFigures Grievances { get; init; } = new();
    public PublicPageFacts? PublicPage { get; init; }
    /// Every input with its response, for the annex; null in the summary kept with the proposal
    /// (the rules need only the counts).
    public IReadOnlyList<HeardInput>? Heard { get; init; }
    /// The groups the people who gave an input declared, for the summary that has no Heard: an
    /// input from a group is that group heard, as a meeting that counted it is. Empty in
    /// summaries written before it was kept.
    public IReadOnlyList<StakeholderGroup> GroupsHeard { get; init; } = [];

    /// Every group the records reached: counted at a consultation, or heard through an input.
    public IEnumerable<StakeholderGroup> Consulted =>
        Consultations.SelectMany(c => c.Reached).Concat(GroupsHeard).Concat(Heard?.Select(h => h.Group).OfType<StakeholderGroup>() ?? []).Distinct();

    /// Whether anything was recorded at all (a proposal whose participation is only its own rows has none).
    public bool Any => Consultations.Count > 0 || Inputs > 0 || Grievances.Received > 0 || PublicPage is not null;

    /// The highest participation level reached with the public (docs/decisions/0022).
    public ParticipationLevel? Level => Consultations.Count == 0 ? null : Consultations.Max(c => c.Level);

    private static readonly ConditionalWeakTable<Proposal, EngagementEvidence> Attached = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// The records' evidence of this proposal object, as its reader attached it; null when it
    /// was not read from storage.
    public static EngagementEvidence? Of(Proposal proposal) => Attached.TryGetValue(proposal, out var evidence) ? evidence : null;

    public static void Attach(Proposal proposal, EngagementEvidence? evidence)
    {
        if (evidence is null)
            Attached.Remove(proposal);
        else
            Attached.AddOrUpdate(proposal, evidence);
    }

    /// Attaches what a stored column holds (null or empty: no records yet, which is evidence too).
    public static void Attach(Proposal proposal, string? stored) => Attach(proposal, Read(stored));

    public static EngagementEvidence Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? new EngagementEvidence() : JsonSerializer.Deserialize<EngagementEvidence>(stored, Options) ?? new EngagementEvidence();

    public string Write() => JsonSerializer.Serialize(this, Options);
}

/// One consultation as the evidence keeps it: attendance as counts, never names.
public sealed record HeldConsultation(DateOnly HeldOn, ConsultationFormat Method, ParticipationLevel Level, string? Place, bool Online,
    string? Languages, string? Organiser, long Women, long Men, long NotSaid, IReadOnlyDictionary<StakeholderGroup, long> Groups)
{
    /// Attendance by age band; empty for a meeting whose ages were not counted, and in evidence
    /// stored before ages were kept (it reads as none).
    public IReadOnlyDictionary<AgeBand, long> Ages { get; init; } = new Dictionary<AgeBand, long>();

    public long Total => Women + Men + NotSaid;

    /// The groups it reached, women by their count by sex. Ages count too: a meeting that counted
    /// people under 25 heard young people, and one that counted people of 65 and over heard
    /// elderly people, whether or not the organiser also ticked the group.
    public IEnumerable<StakeholderGroup> Reached => Groups.Where(g => g.Value > 0).Select(g => g.Key)
        .Concat(Women > 0 ? [StakeholderGroup.Women] : [])
        .Concat(Ages.GetValueOrDefault(AgeBand.Under18) + Ages.GetValueOrDefault(AgeBand.From18To24) > 0 ? [StakeholderGroup.Youth] : [])
        .Concat(Ages.GetValueOrDefault(AgeBand.From65) > 0 ? [StakeholderGroup.Elderly] : []).Distinct();
}

/// An input with the project's response, for the annex ("what we heard and what changed").
public sealed record HeardInput(DateOnly ReceivedOn, string Source, StakeholderGroup? Group, string Text, string? Disposition, string? Response, string? SectionChanged);

/// The grievance register in figures (never a complainant).
public sealed record GrievanceFigures
{
    public int Received { get; init; }
    public int Acknowledged { get; init; }
    public int AcknowledgedInTime { get; init; }
    public int Resolved { get; init; }
    public int Open { get; init; }
    public int Escalated { get; init; }
    public double? MedianDaysToResolution { get; init; }
}

/// The public consultation page: its period and what came of it.
public sealed record PublicPageFacts(DateOnly OpensOn, DateOnly ClosesOn, int Published, bool TakesGrievances);
