namespace FinanceBuilder.Web.Data.Annexes;

/// A file uploaded for a proposal's annexes, as recognised from its content. Rows never change:
/// replacing a file adds a row. Which annex row a file belongs to is said by the proposal's
/// document (annexes[].files); a row no document and no submitted version refers to any more is
/// removed, and its content with it once no other row of the organisation has the same content
/// (Features/Annexes/Storage/AnnexFileCollector).
public sealed class AnnexFileRecord
{
    public Guid Id { get; set; }
    /// The proposal's owner: the tenant, and the owner of the stored content.
    public Guid OrganisationId { get; set; }
    public Guid ProposalId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }
    public Proposals.Attachments.FileKind Kind { get; set; }
    public string Name { get; set; } = "";
    public int? Pages { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public Proposals.Attachments.FileCautions Cautions { get; set; }
    /// A map file's places, one per feature, as "longitude latitude" pairs separated by ";"
    /// (AttachedFiles reads them); null for other files.
    public string? Places { get; set; }
    public DateTime UploadedAt { get; set; }
    /// A file frozen with a submitted version of a proposal since deleted: kept with the version,
    /// reached by nobody (as SubmissionRecord.ProposalDeleted).
    public bool ProposalDeleted { get; set; }
    public Guid? UploadedByUserId { get; set; }
    public string UploadedByName { get; set; } = "";
}
