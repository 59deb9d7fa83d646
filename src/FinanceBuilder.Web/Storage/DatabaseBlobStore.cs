using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// Contents kept in the app's database (SQLite or PostgreSQL, design D10: every web node sees
/// them), in pieces of 1 MB: a 25 MB upload is written and read one piece at a time, so memory
/// does not grow with the file. Each operation has a database context of its own, acting as the
/// machine (the store is below tenancy, see IBlobStore), so a request's own unsaved changes are
/// never written with a file's pieces.
public sealed class DatabaseBlobStore(IServiceScopeFactory scopes) : IBlobStore
{
    public const int ChunkBytes = 1024 * 1024;

    public async Task PutAsync(BlobKey key, Stream content, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(scopes, out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Pieces a crash left behind (the index row is written only after the last one).
        await db.BlobChunks.Where(c => c.OrganisationId == key.OrganisationId && c.Sha256 == key.Sha256).ExecuteDeleteAsync(ct);
        var buffer = new byte[ChunkBytes];
        for (var index = 0; ; index++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0 && index > 0)
                break;
            var chunk = new BlobChunk { OrganisationId = key.OrganisationId, Sha256 = key.Sha256, Index = index, Data = buffer[..read] };
            db.BlobChunks.Add(chunk);
            await db.SaveChangesAsync(ct);
            db.Entry(chunk).State = EntityState.Detached;
            if (read < ChunkBytes)
                break;
        }
        await transaction.CommitAsync(ct);
    }

    public Task<Stream?> OpenReadAsync(BlobKey key, long length, CancellationToken ct)
    {
        var scope = SystemScope.Create(scopes, out var db);
        return Task.FromResult<Stream?>(new ChunkReadStream(scope, db, key, length));
    }

    public async Task DeleteAsync(BlobKey key, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(scopes, out var db);
        await db.BlobChunks.Where(c => c.OrganisationId == key.OrganisationId && c.Sha256 == key.Sha256).ExecuteDeleteAsync(ct);
    }

    /// Reads the pieces in order, one query each, holding one piece at a time.
    private sealed class ChunkReadStream(AsyncServiceScope scope, FinanceBuilderDbContext db, BlobKey key, long length) : Stream
    {
        private byte[] current = [];
        private int offset;
        private int nextIndex;
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken ct = default)
        {
            if (offset == current.Length)
            {
                if (position >= length)
                    return 0;
                var index = nextIndex++;
                current = await db.BlobChunks.AsNoTracking()
                    .Where(c => c.OrganisationId == key.OrganisationId && c.Sha256 == key.Sha256 && c.Index == index)
                    .Select(c => c.Data).FirstOrDefaultAsync(ct)
                    ?? throw new IOException($"Stored file {key.Sha256} lacks its piece {index}.");
                offset = 0;
                if (current.Length == 0)
                    return 0;
            }
            var count = Math.Min(destination.Length, current.Length - offset);
            current.AsMemory(offset, count).CopyTo(destination);
            offset += count;
            position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                scope.Dispose();
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await base.DisposeAsync();
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
