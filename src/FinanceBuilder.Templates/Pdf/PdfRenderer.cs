using System.Globalization;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Pdf.Layout;
using FinanceBuilder.Templates.Pdf.Writing;
using FinanceBuilder.Templates.Rendering;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>
/// Renders a document to PDF with PDFsharp and our own layout engine (design D4): A4 pages with
/// the theme's margins, a cover, a table of contents with real page numbers and links,
/// bookmarks, running header and "Page X of Y" footer, and a DRAFT mark on every page of a draft.
/// Renders are independent: many may run at once.
/// </summary>
public static class PdfRenderer
{
    private const int MaxPasses = 5;

    /// <summary>Renders the document to PDF into <paramref name="output"/>; returns the page count.</summary>
    public static int Render(ContentDocument document, DocumentInfo info, DocumentTheme theme, Stream output)
    {
        using var laid = Lay(document, info, theme);
        laid.Paint(info, output);
        return laid.PageCount;
    }

    /// <summary>
    /// Lays the document out without drawing it: its page count is then known, so checks on the
    /// document's length can run before <see cref="LaidOutPdf.Paint"/> marks it a draft or not.
    /// </summary>
    public static LaidOutPdf Lay(ContentDocument document, DocumentInfo info, DocumentTheme theme)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(theme);
        FontResolver.Install();
        var primary = FontResolver.FindFamily(theme.FontFamilies);
        var shaper = new TextShaper(primary, FontResolver.InstalledFamilies(theme.FallbackFamilies));
        try
        {
            var palette = new Palette(theme);
            return new LaidOutPdf(Layout(document, info, theme, shaper, palette), theme, shaper, palette);
        }
        catch
        {
            shaper.Dispose();
            throw;
        }
    }

    /// <summary>A document laid out into pages, ready to be drawn once.</summary>
    public sealed class LaidOutPdf : IDisposable
    {
        private readonly DocumentLayout layout;
        private readonly DocumentTheme theme;
        private readonly TextShaper shaper;
        private readonly Palette palette;

        internal LaidOutPdf(DocumentLayout layout, DocumentTheme theme, TextShaper shaper, Palette palette) =>
            (this.layout, this.theme, this.shaper, this.palette) = (layout, theme, shaper, palette);

        /// <summary>How many pages the PDF has.</summary>
        public int PageCount => layout.Pages.Count;

        /// <summary>
        /// Draws the pages into <paramref name="output"/> with <paramref name="info"/>'s metadata,
        /// header and draft mark (the same labels as the layout's).
        /// </summary>
        public void Paint(DocumentInfo info, Stream output)
        {
            ArgumentNullException.ThrowIfNull(info);
            ArgumentNullException.ThrowIfNull(output);
            using var pdf = new PdfDocument();
            pdf.Info.Title = Clean(info.Title);
            pdf.Info.Author = Clean(info.Author);
            pdf.Info.Subject = Clean(info.Subject);
            pdf.Info.Creator = "FinanceBuilder";
            if (info.Created != default)
                pdf.Info.CreationDate = info.Created.UtcDateTime;
            // English when none is given, as PDFsharp's accessibility manager had it.
            pdf.Language = info.Language.Length > 0 ? info.Language : "en";
            pdf.PageMode = layout.Bookmarks.Count > 0 ? PdfPageMode.UseOutlines : PdfPageMode.UseNone;
            pdf.Options.CompressContentStreams = true;
            pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
            // Tagged: a structure tree of headings, paragraphs, lists, tables and figures, the
            // title shown instead of the file name (decision 0015 says how far from PDF/UA-1).
            var catalog = pdf.Internals.Catalog.Elements;
            var marked = new PdfDictionary(pdf);
            marked.Elements.SetBoolean("/Marked", true);
            catalog["/MarkInfo"] = marked;
            var root = new PdfDictionary(pdf); // replaced by the tree, written after the save
            pdf.Internals.AddObject(root);
            catalog["/StructTreeRoot"] = root.Reference;
            pdf.ViewerPreferences.DisplayDocTitle = true;

            // A landscape page is the same theme turned: header, footer and mark follow its width.
            var landscape = theme with { PageWidth = theme.PageHeight, PageHeight = theme.PageWidth };
            var tree = new StructureTree();
            var resources = new DocumentResources(pdf);
            var open = new Stack<StructureElement?>();
            var painter = new PagePainter(theme, info, shaper, palette, Culture(info.Language), pdf, resources, tree, open);
            var turned = new PagePainter(landscape, info, shaper, palette, Culture(info.Language), pdf, resources, tree, open);
            var pages = new List<PdfPage>(layout.Pages.Count);
            for (var i = 0; i < layout.Pages.Count; i++)
            {
                var page = pdf.AddPage();
                var pageTheme = layout.Pages[i].Landscape ? landscape : theme;
                page.Width = XUnit.FromPoint(pageTheme.PageWidth);
                page.Height = XUnit.FromPoint(pageTheme.PageHeight);
                (layout.Pages[i].Landscape ? turned : painter).Paint(layout.Pages[i], page, i + 1, layout.Pages.Count);
                pages.Add(page);
            }
            resources.Attach(pages);
            Links(layout, pages, theme);
            Bookmarks(layout, pages, pdf);
            var references = pages.Select(page => page.Reference!).ToList();
            using var saved = new MemoryStream();
            pdf.Save(saved, false);
            // Object numbers are final once saved.
            StructureWriter.Append(saved, tree, root.Reference!.ObjectNumber, references.Select(r => r.ObjectNumber).ToList());
            if (!DrawsBeyondBmp(info))
            {
                saved.Position = 0;
                saved.CopyTo(output);
                return;
            }
            TextMapRepair.Copy(saved, output);
        }

        /// <summary>Whether any text drawn lies beyond U+FFFF (emoji): its text map then needs mending.</summary>
        private bool DrawsBeyondBmp(DocumentInfo info) =>
            TextMapRepair.Needed(info.Header) || TextMapRepair.Needed(info.Labels.Draft)
            || layout.Pages.Any(page => page.Ops.Any(op => op switch
            {
                TextOp text => TextMapRepair.Needed(text.Text),
                ChartOp chart => TextMapRepair.Needed(ChartText.Describe(chart.Chart, CultureInfo.InvariantCulture)),
                _ => false,
            }));

        /// <summary>Releases the fonts' shaping buffers.</summary>
        public void Dispose() => shaper.Dispose();
    }

    /// <summary>
    /// Lays the document out; with a table of contents again, showing the pages of the pass
    /// before, until the headings stop moving (the contents' own length can move them).
    /// </summary>
    private static DocumentLayout Layout(ContentDocument document, DocumentInfo info, DocumentTheme theme, TextShaper shaper, Palette palette)
    {
        IReadOnlyList<HeadingMark>? previous = null;
        var memo = new LayoutMemo(shaper, theme);
        for (var pass = 1; ; pass++)
        {
            var layout = new DocumentLayout(theme, info, shaper, palette, memo, previous);
            layout.Run(document);
            if (!layout.HasContents || pass == MaxPasses || previous is not null && SamePages(previous, layout.Headings))
                return layout;
            previous = layout.Headings;
        }
    }

    private static bool SamePages(IReadOnlyList<HeadingMark> before, List<HeadingMark> after) =>
        before.Count == after.Count && before.Zip(after).All(p => p.First.Page == p.Second.Page);

    /// <summary>The table of contents' lines link to their heading's page.</summary>
    private static void Links(DocumentLayout layout, List<PdfPage> pages, DocumentTheme theme)
    {
        for (var i = 0; i < layout.Pages.Count; i++)
        {
            foreach (var link in layout.Pages[i].Ops.OfType<LinkOp>())
            {
                if (link.Heading >= layout.Headings.Count)
                    continue;
                var target = layout.Headings[link.Heading];
                // PDF rectangles count from the page's bottom-left corner.
                var box = link.Box;
                var height = pages[i].Height.Point;
                var rectangle = new PdfRectangle(new XPoint(box.Left, height - box.Bottom), new XPoint(box.Right, height - box.Top));
                pages[i].AddDocumentLink(rectangle, target.Page + 1, new XPoint(0, pages[target.Page].Height.Point - Math.Max(0, target.Y - 12)));
            }
        }
    }

    /// <summary>One bookmark per heading, nested by level.</summary>
    private static void Bookmarks(DocumentLayout layout, List<PdfPage> pages, PdfDocument pdf)
    {
        var open = new List<(int Level, PdfOutline Outline)>();
        foreach (var mark in layout.Bookmarks)
        {
            while (open.Count > 0 && open[^1].Level >= mark.Level)
                open.RemoveAt(open.Count - 1);
            var parent = open.Count > 0 ? open[^1].Outline.Outlines : pdf.Outlines;
            var title = mark.Text.Length > 0 ? mark.Text : "\u2026";
            var outline = parent.Add(title, pages[mark.Page], mark.Level <= 1);
            open.Add((mark.Level, outline));
        }
    }

    private static string Clean(string text) => InlineText.Plain([new TextRun(text)]);

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
