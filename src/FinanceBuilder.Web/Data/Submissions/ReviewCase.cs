namespace FinanceBuilder.Web.Data.Submissions;

/// A donor's settings for one shared submission: its deadline and the call it belongs to. Its
/// status is not stored: Features/Review/Workflow/ReviewProgress derives it in the query from the
/// sheets and the decision, so the list can never show a status the sheets contradict.
public sealed class ReviewCase
{
    public Guid SubmissionId { get; set; }
    public Guid DonorOrganisationId { get; set; }
    /// The deadline the donor set; when null the call's, else the targeted Board meeting.
    public DateOnly? Deadline { get; set; }
    public Guid? CallId { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// Where a donor's review of a submission stands; the order is the order of the work (the list
/// sorts on it).
public enum ReviewStatus
{
    New,
    Assigned,
    InReview,
    Scored,
    Released,
}
