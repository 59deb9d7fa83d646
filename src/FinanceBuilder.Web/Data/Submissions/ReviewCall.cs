namespace FinanceBuilder.Web.Data.Submissions;

/// A donor's call for proposals: a name, a deadline for its reviews, and the scoring rubric its
/// reviewers read beside each score (the GCF's by default, adapted by the donor as data).
public sealed class ReviewCall
{
    public Guid Id { get; set; }
    public Guid DonorOrganisationId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    /// The rubric as JSON (Features/Review/Rubric/Rubric); null keeps the default.
    public string? Rubric { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
