using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// The running header and footer, and the page setup of the one section. With a cover, the
/// section has a distinct first page (titlePg) whose header holds nothing but the DRAFT mark of
/// a draft, and whose footer is empty; every other page has the header text and "Page X of Y"
/// made of PAGE and NUMPAGES fields, so Word and LibreOffice count the pages themselves.
/// </summary>
internal static class DocxHeaderFooter
{
    public static SectionProperties Section(MainDocumentPart main, DocumentInfo info, DocumentTheme theme, bool hasCover)
    {
        var section = new SectionProperties();
        var header = main.AddNewPart<HeaderPart>();
        header.Header = RunningHeader(info, theme);
        section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        if (hasCover)
        {
            var first = main.AddNewPart<HeaderPart>();
            first.Header = CoverHeader(info, theme);
            section.Append(new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) });
        }
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = PageFooter(info);
        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        if (hasCover)
        {
            var first = main.AddNewPart<FooterPart>();
            first.Footer = new Footer(new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Footer } }));
            section.Append(new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) });
        }
        // A4, whatever the theme's rounding: 11906 × 16838 twips is what Word writes for A4.
        section.Append(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin
            {
                Top = DocxUnits.Twips(theme.MarginTop),
                Right = (uint)DocxUnits.Twips(theme.MarginRight),
                Bottom = DocxUnits.Twips(theme.MarginBottom),
                Left = (uint)DocxUnits.Twips(theme.MarginLeft),
                Header = (uint)DocxUnits.Twips(theme.MarginTop / 2),
                Footer = (uint)DocxUnits.Twips(theme.MarginBottom / 2),
                Gutter = 0,
            });
        if (hasCover)
            section.Append(new TitlePage());
        section.Append(new DocGrid { LinePitch = 360 });
        return section;
    }

    /// <summary>
    /// A copy of the document's page setup for a section that ends at a break: turned to
    /// landscape (A4 sideways) for a wide table's section, with the first-page header and footer
    /// only where the cover is.
    /// </summary>
    public static SectionProperties Turned(SectionProperties section, bool landscape, bool keepTitlePage)
    {
        var copy = (SectionProperties)section.CloneNode(deep: true);
        if (!keepTitlePage)
        {
            copy.RemoveAllChildren<TitlePage>();
            foreach (var first in copy.Elements<HeaderReference>().Where(h => h.Type?.Value == HeaderFooterValues.First).ToList())
                first.Remove();
            foreach (var first in copy.Elements<FooterReference>().Where(f => f.Type?.Value == HeaderFooterValues.First).ToList())
                first.Remove();
        }
        if (landscape)
            copy.GetFirstChild<PageSize>()!.InsertAfterSelf(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }).PreviousSibling()!.Remove();
        return copy;
    }

    /// <summary>The header text on the left, DRAFT on the right, a thin rule below.</summary>
    private static Header RunningHeader(DocumentInfo info, DocumentTheme theme)
    {
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Header },
            // No rule under an empty header: a line alone at the top of every page looks like a mistake.
            ParagraphBorders = info.Header.Length > 0 || info.Draft
                ? new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 4, Color = theme.RuleColor })
                : null,
        });
        DocxRuns.Append(paragraph, info.Header, bold: false, italic: false);
        if (info.Draft)
        {
            paragraph.Append(new Run(new TabChar()), new Run(new TabChar()));
            Draft(paragraph, info, theme);
        }
        return new Header(paragraph);
    }

    /// <summary>The cover's header: empty, or the DRAFT mark alone (a draft says so on every page).</summary>
    private static Header CoverHeader(DocumentInfo info, DocumentTheme theme)
    {
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Header },
            Justification = new Justification { Val = JustificationValues.Right },
        });
        if (info.Draft)
            Draft(paragraph, info, theme);
        return new Header(paragraph);
    }

    private static void Draft(Paragraph paragraph, DocumentInfo info, DocumentTheme theme) =>
        DocxRuns.Append(paragraph, info.Labels.Draft, bold: true, italic: false, color: theme.DraftColor);

    /// <summary>"Page {0} of {1}" with {0} a PAGE field and {1} a NUMPAGES field, centred.</summary>
    private static Footer PageFooter(DocumentInfo info)
    {
        var paragraph = new Paragraph(new ParagraphProperties
        {
            ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Footer },
            Justification = new Justification { Val = JustificationValues.Center },
        });
        var format = info.Labels.PageOfTotal;
        var start = 0;
        while (start < format.Length)
        {
            var page = format.IndexOf("{0}", start, StringComparison.Ordinal);
            var total = format.IndexOf("{1}", start, StringComparison.Ordinal);
            var next = page < 0 ? total : total < 0 ? page : Math.Min(page, total);
            if (next < 0)
                break;
            DocxRuns.Append(paragraph, format[start..next], bold: false, italic: false);
            paragraph.Append(Field(next == page ? "PAGE" : "NUMPAGES"));
            start = next + 3;
        }
        if (start < format.Length)
            DocxRuns.Append(paragraph, format[start..], bold: false, italic: false);
        return new Footer(paragraph);
    }

    private static SimpleField Field(string name) =>
        new(new Run(new RunProperties { NoProof = new NoProof() }, DocxRuns.TextElement("1"))) { Instruction = " " + name + " \\* MERGEFORMAT " };
}
