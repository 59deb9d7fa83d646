namespace FinanceBuilder.Web.Storage;

/// Files in a folder, one per content: {folder}/{organisation}/{first two digits}/{sha256}. A file
/// is written under a temporary name and renamed once complete and flushed, so a crash never
/// leaves half a file under a content's name. Names are made from the key only (a GUID and
/// hexadecimal digits), never from anything a user typed.
public sealed class FolderBlobStore(string folder) : IBlobStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task PutAsync(BlobKey key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".part";
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(output, ct);
                output.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(BlobKey key, long length, CancellationToken ct)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan)
            : null);
    }

    public Task DeleteAsync(BlobKey key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(BlobKey key)
    {
        if (!BlobKey.IsSha256(key.Sha256))
            throw new ArgumentException("Not a SHA-256 in lower-case hexadecimal.", nameof(key));
        return Path.Combine(Folder, key.OrganisationId.ToString("N"), key.Sha256[..2], key.Sha256);
    }
}
