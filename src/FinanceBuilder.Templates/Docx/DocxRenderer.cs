using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Pdf.Layout;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// Writes the content model as a Word document (design D3): real styles, a numbering part, a TOC
/// field, running header and footer with page fields, charts as images. The file validates
/// against the Office 2019 schema and opens in Word and LibreOffice without a repair prompt.
/// Renders share nothing, so they can run concurrently.
/// </summary>
public static class DocxRenderer
{
    /// <summary>Writes the document as DOCX to <paramref name="output"/> (a seekable writable stream).</summary>
    public static void Render(ContentDocument document, DocumentInfo info, DocumentTheme theme, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(theme);
        ArgumentNullException.ThrowIfNull(output);
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        DocxStyles.Add(main, theme, info);
        DocxProperties.Settings(main, theme);
        var numbering = new DocxNumbering(theme);
        // Tables are fitted as the PDF fits them (text size, column widths, years as rows),
        // measured with the same fonts, so both documents keep every figure whole alike.
        FontResolver.Install();
        using var shaper = new TextShaper(FontResolver.FindFamily(theme.FontFamilies), FontResolver.InstalledFamilies(theme.FallbackFamilies));
        var writer = new DocxBody(main, theme, info, Culture(info.Language), numbering, shaper);
        var body = writer.Write(document);
        numbering.Save(main);
        var section = DocxHeaderFooter.Section(main, info, theme, writer.HasCover);
        // A landscape table is its own section: each break repeats the page setup, turned for
        // the table's section; the cover's distinct first page belongs to the first section only.
        for (var i = 0; i < writer.SectionBreaks.Count; i++)
        {
            var (paragraph, landscape) = writer.SectionBreaks[i];
            paragraph.ParagraphProperties!.Append(DocxHeaderFooter.Turned(section, landscape, keepTitlePage: i == 0));
        }
        if (writer.SectionBreaks.Count > 0)
            section.RemoveAllChildren<TitlePage>();
        body.Append(section);
        main.Document = new Document(body);
        DocxProperties.Add(package, info);
    }

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
