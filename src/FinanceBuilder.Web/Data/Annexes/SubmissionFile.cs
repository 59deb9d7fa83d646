namespace FinanceBuilder.Web.Data.Annexes;

/// A file a submitted version had when it was submitted: it stays with the version whatever
/// happens to the draft (replaced, removed, proposal deleted), and a donor the version is shared
/// with may download it.
public sealed class SubmissionFile
{
    public Guid SubmissionId { get; set; }
    public Guid AnnexFileId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProposalId { get; set; }
}
