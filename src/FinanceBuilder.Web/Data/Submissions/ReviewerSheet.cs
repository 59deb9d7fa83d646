namespace FinanceBuilder.Web.Data.Submissions;

/// One reviewer's own scoring sheet for one submission, kept apart from the colleagues' until the
/// organisation's decision (ReviewRecord) is written from their consensus. The row exists from
/// the moment the reviewer is assigned or starts on their own; nothing can be scored before the
/// reviewer has declared whether they have a conflict of interest. Only the donor organisation
/// reads these rows: the applicant sees the released decision, never a single reviewer's sheet.
public sealed class ReviewerSheet
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid DonorOrganisationId { get; set; }
    public Guid ReviewerUserId { get; set; }
    public string ReviewerName { get; set; } = "";
    public DateTime AssignedAt { get; set; }
    /// Who assigned the reviewer; the reviewer's own name when they started unassigned.
    public string AssignedByName { get; set; } = "";
    /// Null until the reviewer declares; then whether they have a conflict of interest.
    public ConflictDeclaration? Conflict { get; set; }
    /// What the conflict is, in the reviewer's words (kept for the organisation's record).
    public string? ConflictNote { get; set; }
    public DateTime? DeclaredAt { get; set; }
    /// The same JSON as ReviewRecord.Scores (ReviewScores).
    public string Scores { get; set; } = "[]";
    public ReviewRecommendation? Recommendation { get; set; }
    public string? Summary { get; set; }
    public DateTime? UpdatedAt { get; set; }
    /// Set when the reviewer hands the sheet in (every score and a recommendation given); only
    /// submitted sheets count in the consensus.
    public DateTime? SubmittedAt { get; set; }
    public int Version { get; set; }

    public bool Excluded => Conflict == ConflictDeclaration.Declared;
}

public enum ConflictDeclaration
{
    /// The reviewer declared they have no conflict of interest with this applicant or project.
    None,
    /// The reviewer declared a conflict: excluded from scoring and from the consensus.
    Declared,
}
