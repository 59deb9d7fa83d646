using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// The styles part. Every paragraph refers to a real style instead of carrying direct formatting,
/// so a consultant who edits the DOCX in Word changes "Heading 2" once and the whole document
/// follows. Built-in style names ("heading 1", "toc 1", "Title", "header") are used so Word and
/// LibreOffice recognise them: the navigation pane, the TOC field and style translations work.
/// </summary>
internal static class DocxStyles
{
    /// <summary>Space above the cover title, in points: it sits a third of the way down the cover.</summary>
    public const double TitleSpaceBefore = 160;

    /// <summary>Space below the cover title's rule, in points.</summary>
    public const double TitleSpaceAfter = 18;

    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string TocHeading = "TOCHeading";
    public const string ListParagraph = "ListParagraph";
    public const string TableText = "TableText";
    public const string TableGrid = "TableGrid";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string ChartParagraph = "Chart";

    public static string Heading(int level) => "Heading" + Math.Clamp(level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Toc(int level) => level <= 1 ? "TOC1" : "TOC2";

    public static void Add(MainDocumentPart main, DocumentTheme theme, DocumentInfo info)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(Defaults(theme, info));
        styles.Append(
            Normal(theme),
            DefaultParagraphFont(),
            TableNormal(),
            Grid(theme),
            TitleStyle(theme),
            SubtitleStyle(theme),
            TocHeadingStyle(theme));
        for (var level = 1; level <= 6; level++)
            styles.Append(HeadingStyle(theme, level));
        styles.Append(
            TocStyle(theme, 1),
            TocStyle(theme, 2),
            ListParagraphStyle(theme),
            TableTextStyle(theme),
            ChartStyle(theme),
            MarginStyle(theme, Header, "header"),
            MarginStyle(theme, Footer, "footer"));
        part.Styles = styles;
    }

    private static DocDefaults Defaults(DocumentTheme theme, DocumentInfo info) =>
        new(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = Fonts(theme),
                Color = new Color { Val = theme.TextColor },
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.BodySize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.BodySize) },
                // The document language drives Word's spelling checker and hyphenation.
                Languages = info.Language.Length > 0 ? new Languages { Val = info.Language } : null,
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            }));

    internal static RunFonts Fonts(DocumentTheme theme)
    {
        var family = theme.FontFamilies.Count > 0 ? theme.FontFamilies[0] : "Arial";
        return new RunFonts { Ascii = family, HighAnsi = family, ComplexScript = family, EastAsia = family };
    }

    private static Style Normal(DocumentTheme theme) =>
        new(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                WidowControl = new WidowControl(),
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    After = DocxUnits.TwipsText(theme.ParagraphSpacing),
                    // Word's "single" line is the font's ascent plus descent (1.117 em for Arial
                    // and Liberation Sans); the PDF's line is the size times LineHeight. Dividing
                    // keeps both documents' lines, and so their pages, the same height.
                    Line = DocxUnits.LineText(theme.LineHeight / DocxUnits.SingleLineEm),
                    LineRule = LineSpacingRuleValues.Auto,
                },
                // Ragged-right like the PDF: Word would justify without hyphenating.
                Justification = new Justification { Val = JustificationValues.Left },
            },
            // Repeated from the defaults: a document pasted into another keeps its font and size.
            new StyleRunProperties
            {
                RunFonts = Fonts(theme),
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.BodySize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.BodySize) },
            })
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };

    private static Style DefaultParagraphFont() =>
        new(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true };

    private static Style TableNormal() =>
        new(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };

    private static Style Grid(DocumentTheme theme)
    {
        var padding = (short)DocxUnits.Twips(theme.CellPadding);
        var vertical = DocxUnits.TwipsText(theme.CellPadding / 2);
        return new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = theme.RuleColor }),
                new TableCellMarginDefault(
                    new TopMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = padding, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = vertical, Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = padding, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = TableGrid };
    }

    private static Style TitleStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "Title" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 10 },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                // A rule under the title, as on the PDF cover.
                ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 8, Color = theme.AccentColor }),
                // The title sits a third of the way down the cover, not against the top margin.
                SpacingBetweenLines = new SpacingBetweenLines { Before = DocxUnits.TwipsText(TitleSpaceBefore), After = DocxUnits.TwipsText(TitleSpaceAfter), Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Justification = new Justification { Val = JustificationValues.Left },
            },
            new StyleRunProperties
            {
                Bold = new Bold(),
                BoldComplexScript = new BoldComplexScript(),
                Color = new Color { Val = theme.AccentColor },
                Kern = new Kern { Val = 28 },
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.CoverTitleSize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.CoverTitleSize) },
            })
        { Type = StyleValues.Paragraph, StyleId = Title };

    /// <summary>The cover's other paragraphs: larger and muted, under the title.</summary>
    private static Style SubtitleStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "Subtitle" },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 11 },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = DocxUnits.TwipsText(theme.ParagraphSpacing * 2) },
                Justification = new Justification { Val = JustificationValues.Left },
            },
            new StyleRunProperties
            {
                Color = new Color { Val = theme.MutedColor },
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.BodySize + 2) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.BodySize + 2) },
            })
        { Type = StyleValues.Paragraph, StyleId = Subtitle };

    private static Style HeadingStyle(DocumentTheme theme, int level)
    {
        var size = DocxUnits.HalfPoints(theme.HeadingSize(level));
        return new Style(
            new StyleName { Val = "heading " + level.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 9 },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines
                {
                    Before = DocxUnits.TwipsText(level == 1 ? theme.HeadingSpacingBefore * 1.5 : theme.HeadingSpacingBefore),
                    After = DocxUnits.TwipsText(theme.HeadingSpacingAfter),
                    Line = "240",
                    LineRule = LineSpacingRuleValues.Auto,
                },
                Justification = new Justification { Val = JustificationValues.Left },
                // What makes the navigation pane and TOC \o find the heading.
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            },
            new StyleRunProperties
            {
                Bold = new Bold(),
                BoldComplexScript = new BoldComplexScript(),
                Italic = level >= 4 ? new Italic() : null,
                Color = new Color { Val = level <= 3 ? theme.AccentColor : theme.TextColor },
                FontSize = new FontSize { Val = size },
                FontSizeComplexScript = new FontSizeComplexScript { Val = size },
            })
        { Type = StyleValues.Paragraph, StyleId = Heading(level) };
    }

    private static Style TocHeadingStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "TOC Heading" },
            new BasedOn { Val = Heading(1) },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 39 },
            new UnhideWhenUsed(),
            new PrimaryStyle(),
            // Body level: the contents heading does not list itself when Word updates the TOC.
            new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = DocxUnits.TwipsText(theme.HeadingSpacingAfter * 2) }, OutlineLevel = new OutlineLevel { Val = 9 } })
        { Type = StyleValues.Paragraph, StyleId = TocHeading };

    private static Style TocStyle(DocumentTheme theme, int level) =>
        new(
            new StyleName { Val = "toc " + level.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 39 },
            new UnhideWhenUsed(),
            new StyleParagraphProperties
            {
                Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = DocxUnits.Twips(theme.ContentWidth) }),
                SpacingBetweenLines = new SpacingBetweenLines { Before = level == 1 ? DocxUnits.TwipsText(6) : "0", After = DocxUnits.TwipsText(3) },
                Indentation = new Indentation { Left = level == 1 ? "0" : DocxUnits.TwipsText(theme.ListIndent) },
                Justification = new Justification { Val = JustificationValues.Left },
            },
            new StyleRunProperties { Bold = level == 1 ? new Bold() : null })
        { Type = StyleValues.Paragraph, StyleId = Toc(level) };

    private static Style ListParagraphStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 34 },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = DocxUnits.TwipsText(theme.ParagraphSpacing / 2) },
                Indentation = new Indentation { Left = DocxUnits.TwipsText(theme.ListIndent) },
            })
        { Type = StyleValues.Paragraph, StyleId = ListParagraph };

    private static Style TableTextStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "Table Text" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 35 },
            new PrimaryStyle(),
            new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = DocxUnits.LineText(1.1), LineRule = LineSpacingRuleValues.Auto },
                // Justified text in a narrow cell opens rivers between words.
                Justification = new Justification { Val = JustificationValues.Left },
            },
            new StyleRunProperties
            {
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.TableSize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.TableSize) },
            })
        { Type = StyleValues.Paragraph, StyleId = TableText };

    private static Style ChartStyle(DocumentTheme theme) =>
        new(
            new StyleName { Val = "Chart" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 35 },
            new StyleParagraphProperties
            {
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = DocxUnits.TwipsText(theme.ParagraphSpacing), After = DocxUnits.TwipsText(theme.ParagraphSpacing * 2), Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Justification = new Justification { Val = JustificationValues.Center },
            })
        { Type = StyleValues.Paragraph, StyleId = ChartParagraph };

    private static Style MarginStyle(DocumentTheme theme, string id, string name) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 99 },
            new UnhideWhenUsed(),
            new StyleParagraphProperties
            {
                Tabs = new Tabs(
                    new TabStop { Val = TabStopValues.Center, Position = DocxUnits.Twips(theme.ContentWidth / 2) },
                    new TabStop { Val = TabStopValues.Right, Position = DocxUnits.Twips(theme.ContentWidth) }),
                SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
                Justification = new Justification { Val = JustificationValues.Left },
            },
            new StyleRunProperties
            {
                Color = new Color { Val = theme.MutedColor },
                FontSize = new FontSize { Val = DocxUnits.HalfPoints(theme.MarginTextSize) },
                FontSizeComplexScript = new FontSizeComplexScript { Val = DocxUnits.HalfPoints(theme.MarginTextSize) },
            })
        { Type = StyleValues.Paragraph, StyleId = id };
}
