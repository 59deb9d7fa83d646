using System.Text;
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
internal static class PdfInspection
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
            flags |= Objects(document);
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

    /// What the file's objects hold, compressed object streams included (where a byte scan
    /// sees nothing): JavaScript actions, embedded files, launch actions. At most 100,000 objects.
    private static FileCautions Objects(PdfDocument document)
    {
        var found = FileCautions.None;
        foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys.Take(100_000))
        {
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
    /// name, so none is missed at a boundary).
    private static FileCautions Scan(Stream content)
    {
        var flags = FileCautions.None;
        var buffer = new byte[64 * 1024 + 16];
        var carried = 0;
        int read;
        content.Position = 0;
        while ((read = content.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var length = carried + read;
            var text = Encoding.Latin1.GetString(buffer, 0, length);
            foreach (var (name, flag) in Names)
            {
                for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
                {
                    var next = at + name.Length;
                    // "/JS" but not "/JSON": a name ends at a delimiter or white space.
                    if (next >= text.Length || !char.IsAsciiLetterOrDigit(text[next]))
                    {
                        flags |= flag;
                        break;
                    }
                }
            }
            carried = Math.Min(16, length);
            Buffer.BlockCopy(buffer, length - carried, buffer, 0, carried);
        }
        return flags;
    }
}
