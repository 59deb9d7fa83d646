using System.Text;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// A Word or Excel file (OOXML) or an OpenDocument text or spreadsheet (ODF): which one its
/// own declarations say it is, macro-free, every XML part readable with DTDs prohibited, and no
/// relationship that makes an office program fetch something from elsewhere.
internal static class OfficeInspection
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// Relationships that load content from outside the file when it is opened.
    private static readonly string[] Fetching = ["attachedTemplate", "oleObject", "subDocument", "frame", "externalLinkPath"];

    public static FileKind? Kind(ZipBounds zip)
    {
        if (zip.Find("[Content_Types].xml") is { } types)
            return Ooxml(zip, zip.Read(types));
        if (zip.Find("mimetype") is { } mimetype)
            return Odf(zip, Encoding.ASCII.GetString(zip.Read(mimetype)).Trim());
        return null;
    }

    private static FileKind Ooxml(ZipBounds zip, byte[] contentTypes)
    {
        FileKind? kind = null;
        SafeXml.Read(contentTypes, reader =>
        {
            var type = reader.GetAttribute("ContentType") ?? "";
            if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                throw new RefusedFile("Macros");
            if (type == WordMain)
                kind = FileKind.Docx;
            else if (type == ExcelMain)
                kind = FileKind.Xlsx;
        });
        if (kind is null)
            throw new RefusedFile("Unknown");
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                throw new RefusedFile("Macros");
            if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                continue;
            var part = zip.Read(entry);
            SafeXml.Read(part, reader =>
            {
                if (reader.LocalName == "Relationship" && reader.GetAttribute("TargetMode") == "External"
                    && reader.GetAttribute("Type") is { } type && Fetching.Any(f => type.EndsWith("/" + f, StringComparison.Ordinal)))
                    throw new RefusedFile("External");
                if (reader.LocalName == "altChunk")
                    throw new RefusedFile("External");
            });
        }
        return kind.Value;
    }

    private static FileKind Odf(ZipBounds zip, string mimetype)
    {
        var kind = mimetype switch
        {
            "application/vnd.oasis.opendocument.text" => FileKind.Odt,
            "application/vnd.oasis.opendocument.spreadsheet" => FileKind.Ods,
            _ => throw new RefusedFile("Unknown"),
        };
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName;
            if (name.StartsWith("Basic/", StringComparison.Ordinal) || name.StartsWith("Scripts/", StringComparison.Ordinal))
                throw new RefusedFile("Macros");
            if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                SafeXml.Read(zip.Read(entry));
        }
        return kind;
    }
}
