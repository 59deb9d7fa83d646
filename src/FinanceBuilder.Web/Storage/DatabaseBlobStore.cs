using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// Contents kept in the app's database (SQLite or PostgreSQL, design D10: every web node sees
/// them), in pieces of 64 KB: a 25 MB upload is written and read one piece at a time through one
/// buffer (ChunkCommands), so memory does not grow with the file. Pieces stay below the size at
/// which .NET puts an array on the large-object heap: the copies a database driver makes of a
/// piece are then short-lived small objects, collected at once, where 1 MB pieces (the first
/// version) left a megabyte of garbage per piece for the server collector to free late, and the
/// process grew with the file (bench/RESULTS.md). Each operation has a database context of its own, acting as the
/// machine (the store is below tenancy, see IBlobStore), so a request's own unsaved changes are
/// never written with a file's pieces.
public sealed class DatabaseBlobStore(IServiceScopeFactory scopes) : IBlobStore
{
    public const int ChunkBytes = 64 * 1024;

    /// The largest piece ever written (the first version wrote 1 MB pieces): a reader's buffer.
    public const int MaxChunkBytes = 1024 * 1024;

    public async Task PutAsync(BlobKey key, Stream content, CancellationToken ct)
    {
        await using var scope = SystemScope.Create(scopes, out var db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Pieces a crash left behind (the index row is written only after the last one).
        await db.BlobChunks.Where(c => c.OrganisationId == key.OrganisationId && c.Sha256 == key.Sha256).ExecuteDeleteAsync(ct);
        var commands = new ChunkCommands(db);
        var buffer = new byte[ChunkBytes];
        for (var index = 0; ; index++)
        {
            var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0 && index > 0)
                break;
            await commands.InsertAsync(key, index, buffer, read, ct);
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

    /// Reads the pieces in order, one query each, into one buffer.
    private sealed class ChunkReadStream(AsyncServiceScope scope, FinanceBuilderDbContext db, BlobKey key, long length) : Stream
    {
        private readonly ChunkCommands commands = new(db);
        private byte[]? current;
        private int filled;
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
            if (offset == filled)
            {
                if (position >= length)
                    return 0;
                current ??= new byte[MaxChunkBytes];
                var index = nextIndex++;
                filled = await commands.ReadAsync(key, index, current, ct);
                if (filled < 0)
                    throw new IOException($"Stored file {key.Sha256} lacks its piece {index}.");
                offset = 0;
                if (filled == 0)
                    return 0;
            }
            var count = Math.Min(destination.Length, filled - offset);
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
