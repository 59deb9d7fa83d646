namespace FinanceBuilder.Templates.Rendering;

/// <summary>
/// Fonts, sizes, colours and spacing of a generated document, in one place for the PDF, DOCX and
/// chart renderers (style §10). GCF asks for Arial 11; the font list is searched in order on the
/// system (design D5), so Liberation Sans or DejaVu Sans stand in where Arial is not installed.
/// Lengths are in points (1/72 inch); colours are RGB hex without '#'.
/// </summary>
public sealed record DocumentTheme
{
    /// <summary>The theme every pack uses today.</summary>
    public static DocumentTheme Default { get; } = new();

    /// <summary>Font families to look for, first found wins.</summary>
    public IReadOnlyList<string> FontFamilies { get; init; } = ["Arial", "Liberation Sans", "Noto Sans", "DejaVu Sans"];

    /// <summary>Families tried for a character the main font lacks (symbols, other scripts).</summary>
    public IReadOnlyList<string> FallbackFamilies { get; init; } = ["DejaVu Sans", "Symbola", "Noto Sans Symbols", "Noto Sans Symbols2", "FreeSans"];

    /// <summary>Body text size.</summary>
    public double BodySize { get; init; } = 11;

    /// <summary>Heading sizes for levels 1, 2, 3 (deeper levels use the last).</summary>
    public IReadOnlyList<double> HeadingSizes { get; init; } = [16, 13, 11.5];

    /// <summary>Text size inside tables.</summary>
    public double TableSize { get; init; } = 9.5;

    /// <summary>The smallest text a table may shrink to so that no figure or word is cut
    /// across lines (a budget by year over ten years): still readable printed.</summary>
    public double TableMinSize { get; init; } = 6.5;

    /// <summary>Running header and footer size.</summary>
    public double MarginTextSize { get; init; } = 8.5;

    /// <summary>Cover title size.</summary>
    public double CoverTitleSize { get; init; } = 24;

    /// <summary>Line height as a multiple of the font size.</summary>
    public double LineHeight { get; init; } = 1.25;

    /// <summary>Space after a paragraph.</summary>
    public double ParagraphSpacing { get; init; } = 6;

    /// <summary>Space before a heading.</summary>
    public double HeadingSpacingBefore { get; init; } = 14;

    /// <summary>Space after a heading.</summary>
    public double HeadingSpacingAfter { get; init; } = 6;

    /// <summary>Indent of list items.</summary>
    public double ListIndent { get; init; } = 18;

    /// <summary>Padding inside table cells.</summary>
    public double CellPadding { get; init; } = 4;

    /// <summary>A4 page width.</summary>
    public double PageWidth { get; init; } = 595.28;

    /// <summary>A4 page height.</summary>
    public double PageHeight { get; init; } = 841.89;

    /// <summary>Top margin (the running header sits inside it).</summary>
    public double MarginTop { get; init; } = 72;

    /// <summary>Bottom margin (the footer sits inside it).</summary>
    public double MarginBottom { get; init; } = 72;

    /// <summary>Left margin.</summary>
    public double MarginLeft { get; init; } = 72;

    /// <summary>Right margin.</summary>
    public double MarginRight { get; init; } = 64;

    /// <summary>Body text colour.</summary>
    public string TextColor { get; init; } = "1A1A1A";

    /// <summary>Headings and the cover's accent colour.</summary>
    public string AccentColor { get; init; } = "1F4E79";

    /// <summary>Running header, footer and captions.</summary>
    public string MutedColor { get; init; } = "5A5A5A";

    /// <summary>Table header row background.</summary>
    public string TableHeaderFill { get; init; } = "DCE6F0";

    /// <summary>Table borders and chart grid lines.</summary>
    public string RuleColor { get; init; } = "9FB3C8";

    /// <summary>The DRAFT mark.</summary>
    public string DraftColor { get; init; } = "B00020";

    /// <summary>Series colours of charts, in order (colour-blind safe, Okabe–Ito).</summary>
    public IReadOnlyList<string> ChartColors { get; init; } = ["0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "F0E442", "000000"];

    /// <summary>Size of a chart in the text column.</summary>
    public double ChartHeight { get; init; } = 230;

    /// <summary>The width of the text column.</summary>
    public double ContentWidth => PageWidth - MarginLeft - MarginRight;

    /// <summary>The width of the text column on the page turned to landscape (a table too wide for portrait).</summary>
    public double LandscapeContentWidth => PageHeight - MarginLeft - MarginRight;

    /// <summary>The size of a heading of <paramref name="level"/>.</summary>
    public double HeadingSize(int level) => HeadingSizes[Math.Clamp(level, 1, HeadingSizes.Count) - 1];
}
