namespace FinanceBuilder.Web.Storage;

/// Where the bytes of uploaded files are kept, by organisation and SHA-256 of the content: the
/// database (DatabaseBlobStore, the default) or a folder (FolderBlobStore), as
/// FinanceBuilder:Annexes:Store says. The store is below tenancy: it is only ever asked for a key
/// taken from a file row the caller read through the database's filters (ContentStore).
public interface IBlobStore
{
    /// Keeps <paramref name="content"/> (read from its start to its end) under the key. The caller
    /// has hashed it; a store that already holds the key keeps what it has.
    Task PutAsync(BlobKey key, Stream content, CancellationToken ct);

    /// The content, read a piece at a time. Asked only for contents the index (stored_blobs)
    /// says are complete (ContentStore.OpenAsync); a folder store still answers null when the
    /// file is missing.
    Task<Stream?> OpenReadAsync(BlobKey key, long length, CancellationToken ct);

    Task DeleteAsync(BlobKey key, CancellationToken ct);
}

/// A stored content: whose, and its SHA-256 in 64 lower-case hexadecimal digits.
public readonly record struct BlobKey(Guid OrganisationId, string Sha256)
{
    public static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);
}
