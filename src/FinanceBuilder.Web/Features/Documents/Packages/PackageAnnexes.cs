using System.IO.Compression;
using System.IO.Pipelines;
using System.Text.Json;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// One attached file as the package holds it: annexes/NN-annex-type-name.ext.
public sealed record PackageAnnex(string EntryName, string Annex, AnnexType Type, AttachedFile File);

/// The annexes/ folder of a package and the zip that carries them. The documents are a few
/// megabytes made in memory; the attached files may be hundreds: they are copied from the store
/// into the zip as it is sent, a piece at a time, and the zip is never whole in memory.
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
    /// as it is made: the zip is written on a thread of its own into a pipe that the response
    /// reads from, so at most a megabyte waits between the two.
    public static async Task WriteZipAsync(Stream output, IReadOnlyList<PackageFile> documents, IReadOnlyList<PackageAnnex> annexes,
        Func<PackageAnnex, CancellationToken, Task<Stream>> open, DateTimeOffset now, CancellationToken ct)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false));
        var writing = Task.Run(async () =>
        {
            try
            {
                await using (var sink = pipe.Writer.AsStream(leaveOpen: true))
                using (var zip = new ZipArchive(sink, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var file in documents)
                    {
                        var entry = zip.CreateEntry(file.Name, Level(file.Name));
                        entry.LastWriteTime = now;
                        using var target = entry.Open();
                        target.Write(file.Content);
                    }
                    foreach (var annex in annexes)
                    {
                        await using var source = await open(annex, ct);
                        var entry = zip.CreateEntry(annex.EntryName, Level(annex.EntryName));
                        entry.LastWriteTime = now;
                        using var target = entry.Open();
                        await source.CopyToAsync(target, 81920, ct);
                    }
                }
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        }, ct);
        try
        {
            await pipe.Reader.CopyToAsync(output, ct);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await writing;
        }
    }

    /// PDF, pictures and office files are compressed already: storing them is as small and faster.
    public static CompressionLevel Level(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" or ".geojson" or ".kml" => CompressionLevel.Optimal,
        _ => CompressionLevel.NoCompression,
    };
}
