namespace FinanceBuilder.Web.Data.Participation;

/// A grievance about a project (docs/decisions/0022-participation.md), raised on the public form or
/// written down by staff from a phone call, a letter, a box: confidential — the complainant's name
/// and contact are seen by the organisation's editors and administrators only and never exported —
/// with the dates it must be acknowledged and answered by, escalation, and the closing note.
public sealed class GrievanceRecord
{
    public const int MaxText = 6000;
    public const int MaxNote = 4000;

    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    /// What the complainant is given to ask about it ("G-7KQ2MX"): drawn at random, not counted,
    /// so it tells nobody how many grievances the project has had.
    public string Reference { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public GrievanceChannel Channel { get; set; }
    public GrievanceCategory Category { get; set; }
    public string Text { get; set; } = "";
    public string? ComplainantName { get; set; }
    public string? Contact { get; set; }
    public DateTime? ErasedAt { get; set; }
    public GrievanceStatus Status { get; set; }
    public DateOnly AcknowledgeBy { get; set; }
    public DateOnly AnswerBy { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public string? Answer { get; set; }
    public EscalationLevel? EscalatedTo { get; set; }
    public DateTime? EscalatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosureNote { get; set; }
    public string? EnteredByName { get; set; }

    private const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string NewReference() => "G-" + System.Security.Cryptography.RandomNumberGenerator.GetString(Letters, 6);

    /// Still waiting for the project: neither answered nor closed.
    public bool IsOpen => Status is GrievanceStatus.Received or GrievanceStatus.Acknowledged or GrievanceStatus.Escalated;

    public bool AcknowledgementLate(DateOnly today) => AcknowledgedAt is null && ClosedAt is null && today > AcknowledgeBy;

    public bool AnswerLate(DateOnly today) => AnsweredAt is null && ClosedAt is null && today > AnswerBy;
}

public enum GrievanceChannel { WebForm, Phone, InPerson, Letter, Box, Sms, Representative }

public enum GrievanceCategory { Environment, LandAndCompensation, HealthAndSafety, WorkersAndLabour, Participation, GenderBasedViolence, Other }

public enum GrievanceStatus { Received, Acknowledged, Answered, Escalated, Closed }

/// Where a grievance goes when the project cannot settle it: the accredited entity, then the
/// GCF's Independent Redress Mechanism.
public enum EscalationLevel { AccreditedEntity, IndependentRedressMechanism }
