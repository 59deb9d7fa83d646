using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Html;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Tests.Docx;
using FinanceBuilder.Templates.Tests.Pdf;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FinanceBuilder.Templates.Tests.Pictures;

/// Pictures the applicant gave (a theory-of-change diagram, an organisation chart): read through
/// SkiaSharp into a clean PNG or JPEG, then drawn at the text's width with a caption and the
/// alternative text in the PDF, the DOCX and the preview.
public sealed class FigureTests
{
    private static readonly DocumentTheme Theme = DocumentTheme.Default;

    /// A picture made in code: a coloured field with a dark band, PNG or JPEG.
    public static byte[] Picture(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x2e, 0x7d, 0x32));
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(0, height / 3f, width, height / 3f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static DocumentImage Read(byte[] bytes) => PictureReader.Read(new MemoryStream(bytes)) ?? throw new InvalidOperationException("not read");

    private static ContentDocument WithFigure(DocumentImage image) => MarkdownReader.Read("""
        # B.2 Theory of change

        The works lead to fewer floods.

        ::: figure toc
        Figure 1. Theory of change (annex 17)

        From drainage works to fewer flooded homes, in four steps.
        :::

        The end.
        """, new Dictionary<string, DocumentImage> { ["toc"] = image });

    [Fact]
    public void AFigureBlock_TakesItsPictureByKey_CaptionAndAlternativeText()
    {
        var image = Read(Picture(800, 400));
        var figure = Assert.Single(WithFigure(image).Blocks.OfType<Figure>());

        Assert.Same(image, figure.Image);
        Assert.Equal("Figure 1. Theory of change (annex 17)", figure.Caption);
        Assert.Equal("From drainage works to fewer flooded homes, in four steps.", figure.AlternativeText);
        // A key the caller did not hand over gives nothing: no path or address is ever followed.
        Assert.DoesNotContain(MarkdownReader.Read("::: figure /etc/passwd\nCaption\n:::", new Dictionary<string, DocumentImage>()).Blocks, b => b is Figure);
    }

    [Fact]
    public void UserText_CannotOpenAFigure()
    {
        var images = new Dictionary<string, DocumentImage> { ["toc"] = Read(Picture(10, 10)) };
        var blocks = MarkdownReader.Read(MarkdownText.Narrative("::: figure toc\nMine\n:::"), images).Blocks;
        Assert.DoesNotContain(blocks, b => b is Figure);
    }

    [Fact]
    public void Reader_KeepsTheFormat_ScalesDownAWidePicture_AndRefusesWhatIsNotAPicture()
    {
        var png = Read(Picture(3000, 1500));
        Assert.Equal((DocumentImageFormat.Png, PictureReader.MaxPixelWidth, 1000), (png.Format, png.PixelWidth, png.PixelHeight));
        var jpeg = Read(Picture(640, 480, SKEncodedImageFormat.Jpeg));
        Assert.Equal((DocumentImageFormat.Jpeg, 640, 480), (jpeg.Format, jpeg.PixelWidth, jpeg.PixelHeight));
        Assert.True(jpeg.Data.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8 }));

        Assert.Null(PictureReader.Read(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7 not a picture"))));
        Assert.Null(PictureReader.Read(new MemoryStream(Picture(50, 50, SKEncodedImageFormat.Webp))));
        Assert.Null(PictureReader.Read(new MemoryStream(PngHeaderOnly(100_000, 100_000))));
    }

    /// A PNG that says it is 100,000 pixels square and holds nothing: refused before decoding.
    private static byte[] PngHeaderOnly(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // RGB
        var chunk = new MemoryStream();
        chunk.Write("IHDR"u8);
        chunk.Write(ihdr);
        var typed = chunk.ToArray();
        var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, ihdr.Length);
        file.Write(length);
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
        return file.ToArray();
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    [Fact]
    public void Pdf_DrawsThePicture_AtTheTextWidth_WithItsCaption_AndTagsItAsAFigureWithAltText()
    {
        using var output = new MemoryStream();
        PdfRenderer.Render(WithFigure(Read(Picture(1600, 800))), PdfSamples.Info(), Theme, output);

        using var pdf = PdfDocument.Open(output.ToArray());
        var page = pdf.GetPage(1);
        var image = Assert.Single(page.GetImages());
        Assert.Equal(Theme.ContentWidth, image.BoundingBox.Width, 1);
        Assert.Equal(Theme.ContentWidth / 2, image.BoundingBox.Height, 1);
        Assert.Equal(Theme.MarginLeft, image.BoundingBox.Left, 1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        Assert.Contains("Figure 1. Theory of change (annex 17)", text, StringComparison.Ordinal);
        // The caption is under the picture (PDF y grows upwards).
        var caption = page.GetWords().First(w => w.Text == "Figure");
        Assert.True(caption.BoundingBox.Top < image.BoundingBox.Bottom);
        var raw = Encoding.Latin1.GetString(output.ToArray());
        Assert.Contains("/Figure", raw, StringComparison.Ordinal);
        Assert.Contains("From drainage works to fewer flooded homes", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_ASmallPicture_IsNotBlownUp_AndATallOne_LeavesRoomForItsCaption()
    {
        using var small = new MemoryStream();
        PdfRenderer.Render(WithFigure(Read(Picture(120, 60))), PdfSamples.Info(), Theme, small);
        using (var pdf = PdfDocument.Open(small.ToArray()))
            Assert.Equal(120 * 72.0 / 96 * 2, Assert.Single(pdf.GetPage(1).GetImages()).BoundingBox.Width, 1);

        using var tall = new MemoryStream();
        PdfRenderer.Render(WithFigure(Read(Picture(400, 2000))), PdfSamples.Info(), Theme, tall);
        using (var pdf = PdfDocument.Open(tall.ToArray()))
        {
            var image = pdf.GetPages().SelectMany(p => p.GetImages()).Single();
            Assert.Equal((Theme.PageHeight - Theme.MarginTop - Theme.MarginBottom) * FigureSize.MaxHeightShare, image.BoundingBox.Height, 1);
        }
    }

    [Fact]
    public void Docx_HoldsThePicture_AtTheSameSize_WithItsDescription_AndTheCaptionInItalics()
    {
        using var output = new MemoryStream();
        DocxRenderer.Render(WithFigure(Read(Picture(1600, 800, SKEncodedImageFormat.Jpeg))), PdfSamples.Info(), Theme, output);
        var docx = output.ToArray();

        Assert.Empty(DocxChecks.Validate(docx));
        using var zip = new ZipArchive(new MemoryStream(docx));
        Assert.Single(zip.Entries, e => e.FullName.Contains("media/", StringComparison.Ordinal) && e.FullName.EndsWith(".jpg", StringComparison.Ordinal));
        XNamespace wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        var xml = XDocument.Load(stream);
        var inline = xml.Descendants(wp + "inline").Single();
        Assert.Equal("From drainage works to fewer flooded homes, in four steps.", inline.Element(wp + "docPr")!.Attribute("descr")!.Value);
        Assert.Equal(DocxUnitsEmu(Theme.ContentWidth), long.Parse(inline.Element(wp + "extent")!.Attribute("cx")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        var caption = xml.Descendants(w + "p").Single(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value)) == "Figure 1. Theory of change (annex 17)");
        Assert.NotNull(caption.Descendants(w + "i").FirstOrDefault());
    }

    private static long DocxUnitsEmu(double points) => (long)Math.Round(points * 12700);

    [Fact]
    public void Preview_ShowsThePictureInline_WithItsAltTextAndCaption()
    {
        var html = HtmlRenderer.Render(WithFigure(Read(Picture(800, 400))), System.Globalization.CultureInfo.GetCultureInfo("en"));

        // Sized by the page's style sheet (the pages allow no inline style), its own size as a hint.
        Assert.Contains("<img alt=\"From drainage works to fewer flooded homes, in four steps.\" width=\"800\" height=\"400\" src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Figure 1. Theory of change (annex 17)</figcaption>", html, StringComparison.Ordinal);
    }
}
