namespace FinanceBuilder.Web.Proposals.Attachments;

/// The kinds of file a proposal's annexes may hold, as recognised from their content — never
/// from their name or the browser's claim (issue 15).
public enum FileKind { Pdf, Docx, Xlsx, Odt, Ods, Png, Jpeg, GeoJson, Kml, Kmz }

/// Facts about an accepted file a reviewer should know (a PDF that runs JavaScript).
[Flags]
public enum FileCautions
{
    None = 0,
    PdfJavaScript = 1,
    PdfEmbeddedFiles = 2,
    PdfEncrypted = 4,
    PdfLaunchAction = 8,
}

/// One caution as the proposal file lists it (FileCautions, one by one).
public enum FileCaution { PdfJavaScript, PdfEmbeddedFiles, PdfEncrypted, PdfLaunchAction }

public static class FileKinds
{
    /// The one content type a file of the kind is served as, whatever its uploader claimed.
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.GeoJson => "application/geo+json",
        FileKind.Kml => "application/vnd.google-earth.kml+xml",
        FileKind.Kmz => "application/vnd.google-earth.kmz",
        _ => "application/octet-stream",
    };

    public static List<FileCaution> List(FileCautions cautions) =>
        [.. Enum.GetValues<FileCaution>().Where(c => cautions.HasFlag((FileCautions)(1 << (int)c)))];

    public static string Extension(FileKind kind) => kind switch
    {
        FileKind.Jpeg => ".jpg",
        FileKind.GeoJson => ".geojson",
        _ => "." + kind.ToString().ToLowerInvariant(),
    };

    /// The kind a file name's extension claims, if it names one of ours.
    public static FileKind? Claimed(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => FileKind.Pdf,
        ".docx" => FileKind.Docx,
        ".xlsx" => FileKind.Xlsx,
        ".odt" => FileKind.Odt,
        ".ods" => FileKind.Ods,
        ".png" => FileKind.Png,
        ".jpg" or ".jpeg" => FileKind.Jpeg,
        ".geojson" or ".json" => FileKind.GeoJson,
        ".kml" => FileKind.Kml,
        ".kmz" => FileKind.Kmz,
        _ => null,
    };
}
