namespace FinanceBuilder.Web.Data.Annexes;

/// One stored content of an organisation, whichever store holds its bytes: the index that makes
/// the same file stored twice take space once, and that quotas add up. A row is written only
/// once the bytes are complete in the store.
public sealed class StoredBlob
{
    public Guid OrganisationId { get; set; }
    public string Sha256 { get; set; } = "";
    public long Bytes { get; set; }
    public DateTime StoredAt { get; set; }
}

/// One piece (64 KB; 1 MB for files stored by the first version) of a content kept in the database: files are written and read a
/// piece at a time, never whole in memory.
public sealed class BlobChunk
{
    public Guid OrganisationId { get; set; }
    public string Sha256 { get; set; } = "";
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}
