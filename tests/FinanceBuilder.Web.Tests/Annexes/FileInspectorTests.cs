using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using FinanceBuilder.Web.Features.Annexes;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Tests.Annexes;

/// Issue 15: an uploaded file is recognised from its content, and hostile files are refused with
/// a message in the user's language (reliability catalogue T30, T31, T34, T35).
public sealed class FileInspectorTests
{
    private static Inspection Inspect(byte[] bytes, string name) => FileInspector.Inspect(new MemoryStream(bytes), name);

    private static string Text(Inspection.Refused refused, string language) => AnnexText.Refusal(refused, CultureInfo.GetCultureInfo(language));

    public static TheoryData<string, string, FileKind> Legitimate => new()
    {
        { "pdf", "Étude de faisabilité.pdf", FileKind.Pdf },
        { "docx", "ESIA final.docx", FileKind.Docx },
        { "xlsx", "Budget annex 4.xlsx", FileKind.Xlsx },
        { "odt", "Lettre.odt", FileKind.Odt },
        { "ods", "Budget détaillé.ods", FileKind.Ods },
        { "png", "theory-of-change.png", FileKind.Png },
        { "jpeg", "organigramme.jpg", FileKind.Jpeg },
        { "geojson", "sites.geojson", FileKind.GeoJson },
        { "kml", "sites.kml", FileKind.Kml },
        { "kmz", "sites.kmz", FileKind.Kmz },
        { "docx", "no-extension", FileKind.Docx },
    };

    private static byte[] Make(string what) => what switch
    {
        "pdf" => UploadFixtures.Pdf(),
        "docx" => UploadFixtures.Docx(),
        "xlsx" => UploadFixtures.Xlsx(),
        "odt" => UploadFixtures.Odt(),
        "ods" => UploadFixtures.Ods(),
        "png" => UploadFixtures.Png(1200, 800),
        "jpeg" => UploadFixtures.Jpeg(1600, 900),
        "geojson" => Encoding.UTF8.GetBytes(UploadFixtures.GeoJson),
        "kml" => Encoding.UTF8.GetBytes(UploadFixtures.Kml),
        "kmz" => UploadFixtures.Zip(("doc.kml", UploadFixtures.Kml)),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(Legitimate))]
    public void LegitimateFiles_AreRecognisedFromTheirContent(string what, string name, FileKind kind)
    {
        var accepted = Assert.IsType<Inspection.Accepted>(Inspect(Make(what), name));

        Assert.Equal(kind, accepted.Kind);
        Assert.Equal(FileCautions.None, accepted.Cautions);
    }

    [Fact]
    public void APdf_CountsItsPages_AndAPictureGivesItsSize()
    {
        Assert.Equal(1, Assert.IsType<Inspection.Accepted>(Inspect(UploadFixtures.Pdf(), "a.pdf")).Pages);
        var jpeg = Assert.IsType<Inspection.Accepted>(Inspect(UploadFixtures.Jpeg(1600, 900), "a.jpg"));
        Assert.Equal((1600, 900), (jpeg.Width, jpeg.Height));
    }

    /// Accepted, but the reviewer is told before opening it.
    [Fact]
    public void APdfWithJavaScriptOrEmbeddedFiles_IsAccepted_WithItsCautions()
    {
        var script = Assert.IsType<Inspection.Accepted>(Inspect(UploadFixtures.Pdf("/OpenAction 4 0 R ", "<< /S /JavaScript /JS (app.alert(1)) >>"), "a.pdf"));
        var embedded = Assert.IsType<Inspection.Accepted>(Inspect(UploadFixtures.Pdf("/Names << /EmbeddedFiles << /Names [] >> >> "), "a.pdf"));

        Assert.True(script.Cautions.HasFlag(FileCautions.PdfJavaScript));
        Assert.True(embedded.Cautions.HasFlag(FileCautions.PdfEmbeddedFiles));
        Assert.False(embedded.Cautions.HasFlag(FileCautions.PdfJavaScript));
    }

    /// A name written with #-escapes is the same name to a reader: still flagged, in a small
    /// object (read by PdfPig) and in the dictionary of a stream too big to parse (read from
    /// the bytes only, which are decoded the same way).
    [Theory]
    [InlineData(0)]
    [InlineData(400 * 1024)]
    public void AJavaScriptActionWrittenWithEscapes_IsStillFlagged(int streamBytes)
    {
        var action = streamBytes == 0
            ? "<< /S /J#61vaScript /J#53 (app.alert(1)) >>"
            : $"<< /S /J#61v#61Script /J#53 (app.alert(1)) /Length {streamBytes} >>\nstream\n{new string('x', streamBytes)}\nendstream";

        var inspection = Assert.IsType<Inspection.Accepted>(Inspect(UploadFixtures.Pdf("/OpenAction 4 0 R ", action), "a.pdf"));

        Assert.True(inspection.Cautions.HasFlag(FileCautions.PdfJavaScript));
        Assert.Equal(1, inspection.Pages);
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "empty", "annex.pdf", "Empty" },
        { "exe", "report.pdf", "Unknown" },
        { "html", "report.pdf", "Html" },
        { "polyglot", "report.pdf", "Html" },
        { "svg", "diagram.png", "Html" },
        { "png-named-pdf", "study.pdf", "Mismatch" },
        { "docm", "study.docx", "Macros" },
        { "xxe", "study.docx", "Dtd" },
        { "billion-laughs", "study.docx", "Dtd" },
        { "zip-bomb", "study.docx", "ZipBomb" },
        { "external-template", "study.docx", "External" },
        { "zip-slip", "study.docx", "BadEntryName" },
        { "many-entries", "study.docx", "TooManyEntries" },
        { "image-bomb", "map.png", "ImageTooLarge" },
        { "truncated-pdf", "study.pdf", "Corrupt" },
        { "geojson-out-of-range", "sites.geojson", "Coordinates" },
        { "zip-without-office", "sites.kmz", "Unknown" },
    };

    private static byte[] MakeHostile(string what) => what switch
    {
        "empty" => [],
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00],
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"),
        "polyglot" => [.. Encoding.UTF8.GetBytes("<html><script>alert(1)</script>\n"), .. UploadFixtures.Pdf()],
        "svg" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "png-named-pdf" => UploadFixtures.Png(100, 100),
        "docm" => UploadFixtures.Docx(WordprocessingDocumentType.MacroEnabledDocument),
        "xxe" => UploadFixtures.DocxWithPart("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"),
        "billion-laughs" => UploadFixtures.DocxWithPart("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"),
        "zip-bomb" => UploadFixtures.ZipBomb(20),
        "external-template" => UploadFixtures.DocxWithPart("<d/>", ("word/_rels/settings.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"http://127.0.0.1:9/t.dotm\" TargetMode=\"External\"/></Relationships>")),
        "zip-slip" => UploadFixtures.DocxWithPart("<d/>", ("../../evil.xml", "<e/>")),
        "many-entries" => UploadFixtures.Zip([("[Content_Types].xml", UploadFixtures.WordTypes), .. Enumerable.Range(0, 1_001).Select(i => ($"word/p{i}.xml", "<p/>"))]),
        "image-bomb" => UploadFixtures.Png(50_000, 50_000),
        "truncated-pdf" => Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Cat"),
        "geojson-out-of-range" => Encoding.UTF8.GetBytes("""{"type":"Point","coordinates":[200.5,6.37]}"""),
        "zip-without-office" => UploadFixtures.Zip(("readme.txt", "hello")),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void HostileFiles_AreRefused_SayingWhy_InBothLanguages(string what, string name, string reason)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = Assert.IsType<Inspection.Refused>(Inspect(MakeHostile(what), name));

        Assert.Equal(reason, refused.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed.TotalSeconds:0.0} s");
        var english = Text(refused, "en");
        var french = Text(refused, "fr");
        Assert.DoesNotContain("Refused.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("{", english, StringComparison.Ordinal);
        Assert.NotEqual(english, french);
    }

    /// A 200 KB PDF whose stream inflates to 200 MB: looking into it decodes no page content and
    /// caps what a stream PdfPig must decode may expand to (CappedPdfFilters), so it neither
    /// hangs nor fills the memory.
    [Fact]
    public void APdfDecompressionBomb_NeitherHangsNorFillsTheMemory()
    {
        var bomb = UploadFixtures.PdfBomb(200);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Inspect(bomb, "study.pdf");

        Assert.True(bomb.Length < 1024 * 1024);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 32L * 1024 * 1024, $"{(GC.GetAllocatedBytesForCurrentThread() - before) / 1024 / 1024} MB allocated");
        Assert.True(result is Inspection.Accepted { Kind: FileKind.Pdf } or Inspection.Refused { Reason: "ZipBomb" });
    }

    [Fact]
    public void AFileWhoseNameClaimsAnotherKind_IsNamedForWhatItIs()
    {
        var refused = Assert.IsType<Inspection.Refused>(Inspect(UploadFixtures.Png(10, 10), "study.pdf"));

        Assert.Equal("This file is a PNG image, not a PDF as its name says. Rename it or upload the right file.", Text(refused, "en"));
        Assert.Equal("Ce fichier est une image PNG, et non un PDF comme l’indique son nom. Renommez-le ou téléversez le bon fichier.", Text(refused, "fr"));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\maire\\Desktop\\Lettre NOL.pdf", "Lettre NOL.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("rapport\r\nSet-Cookie: x.pdf", "rapportSet-Cookie: x.pdf")]
    [InlineData("  ...  ", "file")]
    [InlineData("e\u0301tude.pdf", "étude.pdf")]
    public void DisplayNames_AreTheLastSegment_WithoutControlOrDirectionCharacters(string uploaded, string shown) =>
        Assert.Equal(shown, DisplayName.Of(uploaded));

    [Fact]
    public void ALongName_IsCut_KeepingItsExtension()
    {
        var shown = DisplayName.Of(new string('a', 400) + ".pdf");

        Assert.Equal(DisplayName.MaxLength, shown.Length);
        Assert.EndsWith("a.pdf", shown, StringComparison.Ordinal);
    }
}
