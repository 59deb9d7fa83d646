using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Content;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// The table of contents as Word writes it: a TOC field whose cached result already lists the
/// sections (headings of level 1 and 2 after it, as in the preview), each a link to a bookmark on
/// its heading with a PAGEREF field for the page. The page numbers cached are estimates
/// (<see cref="DocxPages"/>); LibreOffice computes PAGEREF itself, Word on F9 or printing.
/// </summary>
internal static class DocxToc
{
    /// <summary>One line of the table of contents.</summary>
    public sealed record Entry(int Level, IReadOnlyList<TextRun> Runs, string Bookmark, int Page);

    public const string Instruction = " TOC \\o \"1-2\" \\h \\z \\u ";

    /// <summary>The entry paragraphs; the first opens the TOC field and the last closes it.</summary>
    public static List<Paragraph> Entries(IReadOnlyList<Entry> entries)
    {
        var paragraphs = new List<Paragraph>(entries.Count + 1);
        if (entries.Count == 0)
        {
            var empty = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Toc(1) } });
            Open(empty);
            empty.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            paragraphs.Add(empty);
            return paragraphs;
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Toc(entry.Level) } });
            if (i == 0)
                Open(paragraph);
            var link = new Hyperlink { Anchor = entry.Bookmark, History = true };
            // The entry text without the heading's own bold and italic: the TOC style decides.
            DocxRuns.Append(link, DocxRuns.Plain(entry.Runs), bold: false, italic: false);
            link.Append(
                new Run(new TabChar()),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" PAGEREF " + entry.Bookmark + " \\h ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(DocxRuns.TextElement(entry.Page.ToString(CultureInfo.InvariantCulture))),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            paragraph.Append(link);
            if (i == entries.Count - 1)
                paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            paragraphs.Add(paragraph);
        }
        return paragraphs;
    }

    private static void Open(Paragraph paragraph) =>
        paragraph.Append(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(Instruction) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
}
