using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Text;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// A chart as an inline picture the width of the text column: the PNG from
/// <see cref="ChartImage"/>, with the chart's title as its alternative text for screen readers.
/// </summary>
internal static class DocxCharts
{
    // 144 dpi is sharp on screen and in print at this size and keeps the PNG small and quick to
    // encode (encoding is most of a DOCX render's time).
    private const int Dpi = 144;

    /// <summary>
    /// The PNG of every chart of the document, drawn in parallel: encoding the images is most of
    /// a render's time, and each image is independent of the others and of the document.
    /// </summary>
    public static Dictionary<Chart, byte[]> Images(IReadOnlyList<Chart> charts, DocumentTheme theme, CultureInfo culture)
    {
        var images = new byte[charts.Count][];
        if (charts.Count == 1)
            images[0] = Image(charts[0], theme, culture);
        else if (charts.Count > 1)
            Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(4, Environment.ProcessorCount) }, i => images[i] = Image(charts[i], theme, culture));
        var result = new Dictionary<Chart, byte[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < charts.Count; i++)
            result[charts[i]] = images[i];
        return result;
    }

    private static byte[] Image(Chart chart, DocumentTheme theme, CultureInfo culture) =>
        ChartImage.Png(chart, theme, culture, theme.ContentWidth, theme.ChartHeight, Dpi);

    public static Paragraph Build(MainDocumentPart main, Chart chart, byte[] png, DocumentTheme theme, uint drawingId) =>
        new(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.ChartParagraph } },
            new Run(DocxPicture.Drawing(main, png, ImagePartType.Png, theme.ContentWidth, theme.ChartHeight, "Chart", DocumentText.Sanitize(chart.Title), drawingId)));
}
