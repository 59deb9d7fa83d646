using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace FinanceBuilder.Web.Tests.Annexes;

/// Files an annex may be, and hostile ones, made in code (no binary fixture in the repository):
/// each is what a commune officer or an attacker could upload.
internal static class UploadFixtures
{
    public static byte[] Docx(WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("Feasibility study")))));
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new S.Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new S.Worksheet(new S.SheetData());
            workbook.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Budget" }));
        }
        return stream.ToArray();
    }

    /// A zip of the given entries, in order ("mimetype" first and stored, as ODF requires).
    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return stream.ToArray();
    }

    public static byte[] Odt() => OpenDocument("text", "<office:text/>");

    public static byte[] Ods() => OpenDocument("spreadsheet", "<office:spreadsheet><table:table xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" table:name=\"Budget\"/></office:spreadsheet>");

    /// An OpenDocument file of the given kind ("text", "spreadsheet") whose body is <paramref name="body"/>.
    private static byte[] OpenDocument(string kind, string body) => Zip(
        ("mimetype", "application/vnd.oasis.opendocument." + kind),
        ("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"><office:body>" + body + "</office:body></office:document-content>"),
        ("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"));

    public const string WordTypes = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    /// A Word file whose document part is <paramref name="documentXml"/> (an XXE, a billion laughs).
    public static byte[] DocxWithPart(string documentXml, params (string Name, string Text)[] more) =>
        Zip([("[Content_Types].xml", WordTypes), ("word/document.xml", documentXml), .. more]);

    /// A Word file whose document part unpacks to <paramref name="megabytes"/> MB of spaces.
    public static byte[] ZipBomb(int megabytes)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
                types.Write(WordTypes);
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var spaces = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
            for (var i = 0; i < megabytes; i++)
                part.Write(spaces);
        }
        return stream.ToArray();
    }

    /// A one-page PDF, written by hand with a correct cross-reference table; <paramref name="catalogExtra"/>
    /// adds to its catalogue (an /OpenAction running JavaScript).
    public static byte[] Pdf(string catalogExtra = "", string? extraObject = null)
    {
        var objects = new List<string>
        {
            $"<< /Type /Catalog /Pages 2 0 R {catalogExtra}>>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        };
        if (extraObject is not null)
            objects.Add(extraObject);
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }

    /// A PDF holding a Flate stream that expands to <paramref name="megabytes"/> MB of zeros.
    public static byte[] PdfBomb(int megabytes)
    {
        var packed = new MemoryStream();
        packed.Write([0x78, 0x9C]);
        using (var deflate = new DeflateStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
                deflate.Write(zeros);
        }
        var data = Encoding.Latin1.GetString(packed.ToArray());
        return Pdf("/Names 4 0 R ", $"<< /Length {data.Length} /Filter /FlateDecode >>\nstream\n{data}\nendstream");
    }

    /// A PNG header (signature and IHDR) declaring the size given; nothing is ever decoded.
    /// A valid one-page PDF of about <paramref name="bytes"/> bytes, its content told apart by
    /// <paramref name="seed"/> (a stream of letters, no filter).
    public static byte[] PdfOfSize(int bytes, int seed = 1)
    {
        var random = new Random(seed);
        var filler = new char[Math.Max(0, bytes - 600)];
        for (var i = 0; i < filler.Length; i++)
            filler[i] = (char)('a' + random.Next(26));
        return Pdf(extraObject: $"<< /Length {filler.Length} >>\nstream\n{new string(filler)}\nendstream");
    }

    public static byte[] Png(int width, int height)
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' };
        bytes.AddRange(BigEndian(width));
        bytes.AddRange(BigEndian(height));
        bytes.AddRange([8, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]);
        return [.. bytes];
    }

    /// A PNG that decodes: a green field with a dark band (the fixtures above are headers only).
    public static byte[] RealPng(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0x2e, 0x7d, 0x32));
            using var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black };
            canvas.DrawRect(0, height / 3f, width, height / 3f, paint);
        }
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }

    /// A JPEG's markers up to its frame header (JFIF APP0, then SOF0 with the size given).
    public static byte[] Jpeg(int width, int height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03,
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9,
    ];

    public const string GeoJson = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Cotonou"},"geometry":{"type":"Point","coordinates":[2.42,6.37]}}]}""";

    public const string Kml = """<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Cotonou</name><Point><coordinates>2.42,6.37</coordinates></Point></Placemark></kml>""";

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
