using System.IO.Compression;
using System.Text.Json;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// One attached file as the package holds it: annexes/NN-annex-type-name.ext.
public sealed record PackageAnnex(string EntryName, string Annex, AnnexType Type, AttachedFile File);

/// The annexes/ folder of a package and the zip that carries them. The documents are a few
/// megabytes made in memory; the attached files may be hundreds: they are copied from the store
/// into the zip as it is sent, a piece at a time, and the zip is never whole in memory.
/// Both zips of a package (this one and PackageBuilder's stored one) compress by the same rule (Level).
public static class PackageAnnexes
{
    /// The files of the proposal's annex rows, in the order of the annex list, each under a name
    /// made of the row's number ("01", "03b"), its type and the file's name, only ASCII letters,
    /// digits and hyphens (so the name is the same in every zip program), never twice the same.
    public static IReadOnlyList<PackageAnnex> Of(Proposal proposal)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<PackageAnnex>();
        foreach (var row in proposal.Annexes)
        {
            foreach (var file in row.Files)
            {
                var number = PackageFileName.Clean(row.Number, 10);
                number = number.Length > 0 && char.IsAsciiDigit(number[0]) && (number.Length == 1 || !char.IsAsciiDigit(number[1])) ? "0" + number : number;
                var type = JsonNamingPolicy.KebabCaseLower.ConvertName(row.Type.ToString());
                var name = PackageFileName.Clean(Path.GetFileNameWithoutExtension(file.Name), 60);
                var extension = file.Kind is { } kind ? FileKinds.Extension(kind) : Path.GetExtension(file.Name ?? "").ToLowerInvariant();
                var stem = $"annexes/{number}-{type}" + (name.Length > 0 ? "-" + name : "");
                var entry = stem + extension;
                for (var n = 2; !taken.Add(entry); n++)
                    entry = $"{stem}-{n}{extension}";
                entries.Add(new PackageAnnex(entry, row.Number, row.Type, file));
            }
        }
        return entries;
    }

    /// Writes the zip of <paramref name="documents"/> and the annexes to <paramref name="output"/>
    /// as it is made, with the asynchronous zip writer: each attached file is copied from the
    /// store a piece at a time, and a reader that goes away stops the copy.
    public static async Task WriteZipAsync(Stream output, IReadOnlyList<PackageFile> documents, IReadOnlyList<PackageAnnex> annexes,
        Func<PackageAnnex, CancellationToken, Task<Stream>> open, DateTimeOffset now, CancellationToken ct)
    {
        await using var sink = new AsyncOnlyStream(output);
        await using (var zip = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            foreach (var file in documents)
            {
                await using var target = await NewEntryAsync(zip, file.Name, now, ct);
                await target.WriteAsync(file.Content, ct);
            }
            foreach (var annex in annexes)
            {
                await using var source = await open(annex, ct);
                await using var target = await NewEntryAsync(zip, annex.EntryName, now, ct);
                await source.CopyToAsync(target, 81920, ct);
            }
        }
        await sink.FlushAsync(ct);
    }

    /// An entry of a zip that cannot seek back (a response): its sizes follow its data, which
    /// streaming readers (Java's ZipInputStream among them) accept only for deflated entries, so
    /// even compressed files are deflated, at the fastest level.
    private static async Task<Stream> NewEntryAsync(ZipArchive zip, string name, DateTimeOffset now, CancellationToken ct)
    {
        var level = Level(name) == CompressionLevel.NoCompression ? CompressionLevel.Fastest : Level(name);
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = now;
        return await entry.OpenAsync(ct);
    }

    /// PDF, pictures and office files are compressed already: storing them is as small and faster.
    public static CompressionLevel Level(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" or ".geojson" or ".kml" => CompressionLevel.Optimal,
        _ => CompressionLevel.NoCompression,
    };
}

/// .NET 10's asynchronous zip writer still writes part of its output synchronously (entry
/// headers, the central directory, now and then a compressed piece of at most 8 KB: 174 KB of a
/// 50 MB zip, measured), which a response refuses. This keeps those bytes until the next
/// asynchronous write or flush, so it holds a few kilobytes at a time whatever the file's size.
internal sealed class AsyncOnlyStream(Stream inner) : Stream
{
    private readonly MemoryStream pending = new();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken);
        await inner.FlushAsync(cancellationToken);
    }

    /// Sync flushes come from the zip writer between records: what they would push waits for
    /// the next asynchronous write.
    public override void Flush()
    {
    }

    private async Task SendPendingAsync(CancellationToken ct)
    {
        if (pending.Length == 0)
            return;
        await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), ct);
        pending.SetLength(0);
    }

    public override async ValueTask DisposeAsync()
    {
        await SendPendingAsync(CancellationToken.None);
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
