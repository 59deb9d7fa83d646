using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Attachments;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Tokens;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// A PDF: "%PDF-" at its very first byte (a page of HTML before it makes a polyglot a browser
/// could render), its pages counted with PdfPig, and what a reviewer should know before opening
/// it — JavaScript, embedded files, a launch action, encryption — found by scanning its bytes
/// for those names, as pdfid does, so a file PdfPig cannot parse is still looked into.
internal static partial class PdfInspection
{
    private static readonly (string Name, FileCautions Flag)[] Names =
    [
        ("/JavaScript", FileCautions.PdfJavaScript), ("/JS", FileCautions.PdfJavaScript),
        ("/EmbeddedFiles", FileCautions.PdfEmbeddedFiles), ("/EmbeddedFile", FileCautions.PdfEmbeddedFiles),
        ("/Launch", FileCautions.PdfLaunchAction), ("/Encrypt", FileCautions.PdfEncrypted),
    ];

    public static bool LooksLikePdf(ReadOnlySpan<byte> head) => head.StartsWith("%PDF-"u8);

    public static Inspection.Accepted Inspect(Stream content)
    {
        var flags = Scan(content);
        content.Position = 0;
        int? pages = null;
        try
        {
            using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = CappedPdfFilters.Instance });
            pages = document.NumberOfPages;
            flags |= Objects(document, content.Length);
        }
        catch (PdfDocumentEncryptedException)
        {
            flags |= FileCautions.PdfEncrypted;
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or InvalidCastException or NullReferenceException or KeyNotFoundException or FormatException or OverflowException)
        {
            // PdfPig could not read it: a damaged PDF is not refused for that (a reader may
            // repair it), but its pages are unknown.
            if ((flags & FileCautions.PdfEncrypted) == 0)
                throw new RefusedFile("Corrupt");
        }
        return new Inspection.Accepted(FileKind.Pdf, flags, pages);
    }

    /// An object this large is a stream (a scanned page, a picture): its data holds no names to
    /// look at, and parsing it would read all of it into memory, the size of the file for a PDF
    /// made of one big scan. Its dictionary is plain bytes, which the scan reads.
    private const long LargeObjectBytes = 256 * 1024;

    /// What the file's objects hold, compressed object streams included (where a byte scan
    /// sees nothing): JavaScript actions, embedded files, launch actions. At most 100,000 objects.
    private static FileCautions Objects(PdfDocument document, long fileLength)
    {
        var found = FileCautions.None;
        var offsets = document.Structure.CrossReferenceTable.ObjectOffsets;
        // Objects in the file itself have their byte offset; those inside an object stream are
        // read through their stream.
        var starts = offsets.Values.Where(o => o.Type == XrefEntryType.File).Select(o => o.Value1).Distinct().Order().ToArray();
        foreach (var (reference, location) in offsets.Take(100_000))
        {
            if (location.Type == XrefEntryType.File)
            {
                var offset = location.Value1;
                var at = Array.BinarySearch(starts, offset);
                var end = at + 1 < starts.Length ? starts[at + 1] : fileLength;
                if (end - offset > LargeObjectBytes)
                    continue;
            }
            var dictionary = document.Structure.GetObject(reference).Data switch
            {
                DictionaryToken d => d,
                StreamToken s => s.StreamDictionary,
                _ => null,
            };
            if (dictionary is null)
                continue;
            var entries = dictionary.Data;
            var action = entries.GetValueOrDefault("S") is NameToken named ? named.Data : null;
            if (entries.ContainsKey("JS") || entries.ContainsKey("JavaScript") || action == "JavaScript")
                found |= FileCautions.PdfJavaScript;
            if (entries.ContainsKey("EmbeddedFiles") || entries.GetValueOrDefault("Type") is NameToken { Data: "EmbeddedFile" })
                found |= FileCautions.PdfEmbeddedFiles;
            if (action == "Launch")
                found |= FileCautions.PdfLaunchAction;
        }
        return found;
    }

    /// The names found in the file's bytes, read a block at a time (blocks overlap by the longest
    /// name written with escapes, so none is missed at a boundary). A name may hide behind
    /// #-escapes ("/J#61vaScript" is "/JavaScript"): each block is read again with them decoded.
    private static FileCautions Scan(Stream content)
    {
        const int overlap = 48;
        var flags = FileCautions.None;
        var buffer = new byte[64 * 1024 + overlap];
        // One byte is one character (Latin-1): the block is searched in place, and made a string
        // only when it has escapes to decode.
        var text = new char[buffer.Length];
        var carried = 0;
        int read;
        content.Position = 0;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            var block = text.AsSpan(0, Encoding.Latin1.GetChars(buffer, 0, length, text, 0));
            flags |= NamesIn(block);
            if (block.Contains('#'))
                flags |= NamesIn(Escape().Replace(new string(block), m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString()));
            carried = Math.Min(overlap, length);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
        }
        return flags;
    }

    private static FileCautions NamesIn(ReadOnlySpan<char> text)
    {
        var flags = FileCautions.None;
        foreach (var (name, flag) in Names)
        {
            var from = 0;
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text[from..].IndexOf(name, StringComparison.Ordinal))
            {
                at += from;
                var next = at + name.Length;
                // "/JS" but not "/JSON": a name ends at a delimiter or white space.
                if (next >= text.Length || !char.IsAsciiLetterOrDigit(text[next]))
                {
                    flags |= flag;
                    break;
                }
                from = at + 1;
            }
        }
        return flags;
    }

    [GeneratedRegex("#([0-9A-Fa-f]{2})")]
    private static partial Regex Escape();
}
