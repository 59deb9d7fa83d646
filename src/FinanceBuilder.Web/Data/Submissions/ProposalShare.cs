namespace FinanceBuilder.Web.Data.Submissions;

/// A proposal's submissions are shared with a donor organisation: its members see every
/// submitted version (resubmissions included, so they can compare), never the draft.
/// Removing the row removes the access on the next request (T03).
public sealed class ProposalShare
{
    public Guid ProposalId { get; set; }
    public Guid DonorOrganisationId { get; set; }
    /// The proposal's owner, for the applicant side of the filter.
    public Guid OrganisationId { get; set; }
    public DateTime SharedAt { get; set; }
    public Guid SharedByUserId { get; set; }
}
