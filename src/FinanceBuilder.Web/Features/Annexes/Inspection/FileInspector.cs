using System.Text;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// Recognises an uploaded file from its content — its first bytes, then the structure they
/// promise — never from its name or the type the browser sent; a name that claims another kind
/// than the content is refused ("this file is a PNG image, not a PDF"), and so is anything that
/// is none of our kinds, HTML first among them (a page served back could run in our origin).
public static class FileInspector
{
    /// <param name="content">The upload, seekable (the page buffers it to a temporary file).</param>
    /// <param name="name">The name it came with, only to compare what it claims.</param>
    public static Inspection Inspect(Stream content, string name)
    {
        try
        {
            var accepted = Recognise(content);
            if (FileKinds.Claimed(name) is { } claimed && claimed != accepted.Kind)
                return new Inspection.Refused("Mismatch", accepted.Kind, claimed);
            return accepted;
        }
        catch (RefusedFile refused)
        {
            return refused.Refusal;
        }
    }

    private static Inspection.Accepted Recognise(Stream content)
    {
        if (content.Length == 0)
            throw new RefusedFile("Empty");
        content.Position = 0;
        var head = new byte[Math.Min(1024, content.Length)];
        content.ReadExactly(head);
        content.Position = 0;

        if (PdfInspection.LooksLikePdf(head))
            return PdfInspection.Inspect(content);
        if (ImageInspection.LooksLikePng(head))
            return ImageInspection.Png(content);
        if (ImageInspection.LooksLikeJpeg(head))
            return ImageInspection.Jpeg(content);
        if (head.AsSpan().StartsWith("PK\x03\x04"u8))
        {
            using var zip = new ZipBounds(content);
            return OfficeInspection.Kind(zip) is { } office ? new Inspection.Accepted(office) : GeoInspection.Kmz(zip);
        }
        return Text(content, head);
    }

    /// A text file: GeoJSON or KML; HTML, SVG and scripts are named as what they are.
    private static Inspection.Accepted Text(Stream content, byte[] head)
    {
        var start = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<script", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || start.Contains("<svg", StringComparison.OrdinalIgnoreCase) && !start.Contains("<kml", StringComparison.OrdinalIgnoreCase))
            throw new RefusedFile("Html");
        if (content.Length > 16L * 1024 * 1024)
            throw new RefusedFile("Unknown");
        var bytes = new byte[content.Length];
        content.Position = 0;
        content.ReadExactly(bytes);
        if (start.StartsWith('{'))
            return GeoInspection.GeoJson(bytes) ?? throw new RefusedFile("Unknown");
        if (start.StartsWith('<'))
            return GeoInspection.Kml(bytes) ?? throw new RefusedFile("Unknown");
        throw new RefusedFile("Unknown");
    }
}
