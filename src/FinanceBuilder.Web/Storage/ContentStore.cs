using System.Security.Cryptography;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// The stored contents of uploaded files, one per organisation and SHA-256: the same file
/// uploaded twice (to two annexes, two proposals, a replacement) takes its space once. Keeps the
/// index (stored_blobs) that says which contents are complete and what an organisation's files
/// take, and hands the bytes to the configured store. Its database work runs in a context of its
/// own, as the machine: it only ever acts on keys of file rows the caller read through the
/// tenancy filters.
public sealed class ContentStore(IBlobStore blobs, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// Storing and collecting the same content never interleave on this node (see ExclusiveAsync).
    private readonly KeyedGates<BlobKey> gates = new();

    public static async Task<string> Sha256Async(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        var hash = await SHA256.HashDataAsync(content, ct);
        content.Position = 0;
        return Convert.ToHexStringLower(hash);
    }

    /// Whether the organisation's index has this content, complete.
    public async Task<bool> HasAsync(BlobKey key, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(scopes, out var db);
        return await db.StoredBlobs.AnyAsync(b => b.OrganisationId == key.OrganisationId && b.Sha256 == key.Sha256, ct);
    }

    /// Stores the content unless the organisation already has it. Called again once the file row
    /// is saved: under the gate, that second call closes the window in which a collection of the
    /// same content, running at the same moment, found no row and removed it.
    public Task EnsureAsync(BlobKey key, Stream content, long bytes, CancellationToken ct) =>
        ExclusiveAsync(key, async () =>
        {
            if (await HasAsync(key, ct))
                return;
            content.Position = 0;
            await blobs.PutAsync(key, content, ct);
            await using var scope = SystemScope.Create(scopes, out var db);
            db.StoredBlobs.Add(new StoredBlob { OrganisationId = key.OrganisationId, Sha256 = key.Sha256, Bytes = bytes, StoredAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another web node indexed the same content first: it is complete either way.
            }
        }, ct);

    /// The content of a file row; null when the store no longer has it complete.
    public async Task<Stream?> OpenAsync(AnnexFileRecord file, CancellationToken ct)
    {
        var key = new BlobKey(file.OrganisationId, file.Sha256);
        return await HasAsync(key, ct) ? await blobs.OpenReadAsync(key, file.Bytes, ct) : null;
    }

    /// The space the organisation's stored contents take.
    public async Task<long> UsedBytesAsync(Guid organisationId, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(scopes, out var db);
        return await db.StoredBlobs.Where(b => b.OrganisationId == organisationId).SumAsync(b => (long?)b.Bytes, ct) ?? 0;
    }

    /// Removes the contents among <paramref name="candidates"/> that no file row of the
    /// organisation refers to any more.
    public async Task CollectAsync(Guid organisationId, IEnumerable<string> candidates, CancellationToken ct)
    {
        foreach (var sha in candidates.Distinct(StringComparer.Ordinal))
        {
            var key = new BlobKey(organisationId, sha);
            await ExclusiveAsync(key, async () =>
            {
                await using var scope = SystemScope.Create(scopes, out var db);
                if (await db.AnnexFiles.AnyAsync(f => f.OrganisationId == organisationId && f.Sha256 == sha, ct))
                    return;
                await db.StoredBlobs.Where(b => b.OrganisationId == organisationId && b.Sha256 == sha).ExecuteDeleteAsync(ct);
                await blobs.DeleteAsync(key, ct);
            }, ct);
        }
    }

    /// Runs <paramref name="work"/> on a content while no other store or collection of it runs:
    /// on this node by a gate, and across the nodes that share a PostgreSQL database by an advisory
    /// lock on the content's key, held by a transaction for the work's length (released if the
    /// node dies). Without it, node B's collection could find no file row, node A save one and
    /// see the content still there, and B then remove it: a file row without its content.
    /// SQLite serves one node, so the gate is enough there.
    public Task ExclusiveAsync(BlobKey key, Func<Task> work, CancellationToken ct) =>
        gates.RunAsync(key, async () =>
        {
            await using var scope = SystemScope.Create(scopes, out var db);
            if (!db.Database.IsNpgsql())
            {
                await work();
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (high, low) = LockKey(key);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({high}, {low})", ct);
            await work();
            await transaction.CommitAsync(ct);
        }, ct);

    /// The advisory lock's two 32-bit keys, from the content's key.
    private static (int High, int Low) LockKey(BlobKey key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"content/{key.OrganisationId:N}/{key.Sha256}"), hash);
        return (BitConverter.ToInt32(hash[..4]), BitConverter.ToInt32(hash[4..8]));
    }
}
