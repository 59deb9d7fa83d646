namespace FinanceBuilder.Web.Data.Submissions;

/// A reviewer's comment on one section of a submitted version's document, or the applicant's
/// answer to one. The donor's reviewers read them at once; the applicant reads them (and may
/// answer) once the donor's decision on that version is released.
public sealed class SectionComment
{
    public const int MaxTextLength = 4000;
    public const int MaxSectionLength = 300;

    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid DonorOrganisationId { get; set; }
    /// The applicant (the submission's owner).
    public Guid OrganisationId { get; set; }
    /// The section's heading as the document printed it: the anchor that survives a change in
    /// how the document is drawn (its position, "s12", is only a hint).
    public string Section { get; set; } = "";
    public string? SectionId { get; set; }
    /// The comment answered; null for a reviewer's comment.
    public Guid? AnswersId { get; set; }
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public bool ByApplicant { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
