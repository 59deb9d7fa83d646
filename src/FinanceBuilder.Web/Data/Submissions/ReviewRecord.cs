namespace FinanceBuilder.Web.Data.Submissions;

/// A donor's scoring sheet for one submission: a score and comment per investment criterion,
/// an overall recommendation. The applicant sees it once the reviewer releases it.
public sealed class ReviewRecord
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid DonorOrganisationId { get; set; }
    /// The applicant (the submission's owner), for the applicant side of the filter.
    public Guid OrganisationId { get; set; }
    public Guid ReviewerUserId { get; set; }
    public string ReviewerName { get; set; } = "";
    /// The six criteria (Rules.InvestmentCriterion) as JSON:
    /// [{ "criterion": "ImpactPotential", "score": 4, "comment": "…" }].
    public string Scores { get; set; } = "[]";
    public ReviewRecommendation? Recommendation { get; set; }
    public string? Summary { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ReleasedAt { get; set; }
    public int Version { get; set; }
}

public enum ReviewRecommendation
{
    Endorse,
    EndorseWithConditions,
    Resubmit,
    Decline,
}
