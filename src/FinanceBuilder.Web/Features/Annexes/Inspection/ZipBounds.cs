using System.IO.Compression;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// Reads an uploaded zip (OOXML, ODF, KMZ) within bounds counted while reading, not taken from
/// the archive's own declared sizes, which a zip bomb lies about: at most 1,000 entries, 100 MB
/// unpacked in all, 100 times its packed size per entry; names that climb out of the archive
/// are refused; an archive inside is never opened.
internal sealed class ZipBounds : IDisposable
{
    public const int MaxEntries = 1_000;
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;
    public const int MaxRatio = 100;

    private readonly ZipArchive archive;
    private long unpacked;

    public ZipBounds(Stream content)
    {
        try
        {
            archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new RefusedFile("Corrupt");
        }
        if (archive.Entries.Count > MaxEntries)
            throw new RefusedFile("TooManyEntries", MaxEntries);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName;
            if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.StartsWith('\\') || name.Contains(':', StringComparison.Ordinal)
                || name.Any(c => c < ' '))
                throw new RefusedFile("BadEntryName");
        }
    }

    public IReadOnlyCollection<ZipArchiveEntry> Entries => archive.Entries;

    public ZipArchiveEntry? Find(string name) => archive.GetEntry(name);

    /// The entry's bytes, counted as they unpack against the archive's bounds.
    public byte[] Read(ZipArchiveEntry entry)
    {
        var perEntry = Math.Max(1024 * 1024, entry.CompressedLength * MaxRatio);
        using var source = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81_920];
        long read = 0;
        int n;
        try
        {
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
                unpacked += n;
                if (read > perEntry || unpacked > MaxUnpackedBytes)
                    throw new RefusedFile("ZipBomb");
                copy.Write(buffer, 0, n);
            }
        }
        catch (InvalidDataException)
        {
            throw new RefusedFile("Corrupt");
        }
        return copy.ToArray();
    }

    public void Dispose() => archive.Dispose();
}
