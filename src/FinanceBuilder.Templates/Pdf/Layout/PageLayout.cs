using FinanceBuilder.Templates.Content;
using PdfSharp.Drawing;

namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>Something to draw on a page, in points from the page's top-left corner.</summary>
internal abstract record PageOp;

/// <summary>Text whose baseline starts at (X, Y).</summary>
internal sealed record TextOp(double X, double Y, string Text, XFont Font, XBrush Brush) : PageOp;

/// <summary>A straight line.</summary>
internal sealed record RuleOp(double X1, double Y1, double X2, double Y2, XPen Pen) : PageOp;

/// <summary>A filled rectangle.</summary>
internal sealed record FillOp(XRect Box, XBrush Brush) : PageOp;

/// <summary>A chart painted into a box.</summary>
internal sealed record ChartOp(Chart Chart, XRect Box) : PageOp;

/// <summary>A picture drawn into a box.</summary>
internal sealed record ImageOp(Figure Figure, XRect Box) : PageOp;

/// <summary>A link from a box to the page of a heading (table of contents).</summary>
internal sealed record LinkOp(XRect Box, int Heading) : PageOp;

/// <summary>The kinds of structure element the layout marks: PDF's standard structure types, by their own names (the painter writes the names as the tags).</summary>
internal enum StructureTag { H1, H2, H3, H4, H5, H6, P, L, LI, Table, TR, TH, TD }

/// <summary>
/// The start of a structure element around the ops that follow, until its <see cref="EndOp"/>,
/// possibly on a later page: the painter turns these into the PDF's structure tree.
/// </summary>
internal sealed record BeginOp(StructureTag Tag) : PageOp;

/// <summary>The end of the innermost open structure element, or of an artifact.</summary>
internal sealed record EndOp : PageOp
{
    public static readonly EndOp Instance = new();
}

/// <summary>The start of an artifact: drawing that is not content (a repeated table header).</summary>
internal sealed record ArtifactOp : PageOp
{
    public static readonly ArtifactOp Instance = new();
}

/// <summary>One laid-out page.</summary>
internal sealed class PageLayout(bool cover, bool landscape = false)
{
    /// <summary>Whether this page belongs to the cover (no running header).</summary>
    public bool Cover { get; } = cover;

    /// <summary>Whether the page is turned to landscape (for a table too wide for portrait).</summary>
    public bool Landscape { get; } = landscape;

    /// <summary>What to draw, in order (fills before the text on them).</summary>
    public List<PageOp> Ops { get; } = [];
}

/// <summary>Where a heading landed: for bookmarks and the table of contents.</summary>
/// <param name="Text">The heading's text on one line.</param>
/// <param name="Level">Its level (1–6).</param>
/// <param name="Page">The page index (0-based).</param>
/// <param name="Y">Its top on the page.</param>
/// <param name="InContents">Whether the table of contents lists it.</param>
internal sealed record HeadingMark(string Text, int Level, int Page, double Y, bool InContents);
