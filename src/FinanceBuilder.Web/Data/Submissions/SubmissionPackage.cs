namespace FinanceBuilder.Web.Data.Submissions;

/// The package (zip) generated when a version was submitted, kept in the database (design D10:
/// several web nodes share it) and in its own table so that lists never load it.
public sealed class SubmissionPackage
{
    public Guid SubmissionId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProposalId { get; set; }
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    /// As SubmissionRecord.ProposalDeleted.
    public bool ProposalDeleted { get; set; }
}
