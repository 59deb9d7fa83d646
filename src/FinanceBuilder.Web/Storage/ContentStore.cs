using System.Collections.Concurrent;
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
    /// One gate per content being stored or collected on this node, so that an upload and a
    /// collection of the same content never interleave here. Kept, like the submission gates:
    /// a small object per content handled since the process started.
    private readonly ConcurrentDictionary<BlobKey, SemaphoreSlim> gates = new();

    public IBlobStore Blobs => blobs;

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
        using var scope = Scope(out var db);
        return await db.StoredBlobs.AnyAsync(b => b.OrganisationId == key.OrganisationId && b.Sha256 == key.Sha256, ct);
    }

    /// Stores the content unless the organisation already has it. Safe to call again after the
    /// file row was saved: that second call is what closes the window in which a collection
    /// running at the same moment removed the content.
    public async Task EnsureAsync(BlobKey key, Stream content, long bytes, CancellationToken ct)
    {
        if (await HasAsync(key, ct))
            return;
        await WithGateAsync(key, async () =>
        {
            if (await HasAsync(key, ct))
                return;
            content.Position = 0;
            await blobs.PutAsync(key, content, ct);
            using var scope = Scope(out var db);
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
    }

    public Task<Stream?> OpenAsync(AnnexFileRecord file, CancellationToken ct) =>
        blobs.OpenReadAsync(new BlobKey(file.OrganisationId, file.Sha256), file.Bytes, ct);

    /// The space the organisation's stored contents take.
    public async Task<long> UsedBytesAsync(Guid organisationId, CancellationToken ct)
    {
        using var scope = Scope(out var db);
        return await db.StoredBlobs.Where(b => b.OrganisationId == organisationId).SumAsync(b => (long?)b.Bytes, ct) ?? 0;
    }

    /// Removes the contents among <paramref name="candidates"/> that no file row of the
    /// organisation refers to any more.
    public async Task CollectAsync(Guid organisationId, IEnumerable<string> candidates, CancellationToken ct)
    {
        foreach (var sha in candidates.Distinct(StringComparer.Ordinal))
        {
            var key = new BlobKey(organisationId, sha);
            await WithGateAsync(key, async () =>
            {
                using var scope = Scope(out var db);
                if (await db.AnnexFiles.AnyAsync(f => f.OrganisationId == organisationId && f.Sha256 == sha, ct))
                    return;
                await db.StoredBlobs.Where(b => b.OrganisationId == organisationId && b.Sha256 == sha).ExecuteDeleteAsync(ct);
                await blobs.DeleteAsync(key, ct);
            }, ct);
        }
    }

    private async Task WithGateAsync(BlobKey key, Func<Task> work, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            gate.Release();
        }
    }

    private IServiceScope Scope(out FinanceBuilderDbContext db)
    {
        var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        return scope;
    }
}
