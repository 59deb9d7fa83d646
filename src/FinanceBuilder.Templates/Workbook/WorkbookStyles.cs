using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The cell formats the workbook uses; the constants are their indexes in cellXfs. Money shows
/// whole units with thousands separators (a GCF budget is read in dollars, not cents; the cell
/// keeps the cents), unit costs two decimals, rates as many as they need.
/// </summary>
internal static class WorkbookStyles
{
    public const uint Text = 0;
    public const uint TextQuoted = 1;
    public const uint Bold = 2;
    public const uint BoldQuoted = 3;
    public const uint Amount = 4;
    public const uint BoldAmount = 5;
    public const uint Integer = 6;
    public const uint Header = 7;
    public const uint Title = 8;
    public const uint UnitCost = 9;
    public const uint Rate = 10;
    public const uint Percent = 11;
    public const uint Date = 12;
    public const uint Number = 13;
    public const uint Wrapped = 14;
    public const uint WrappedQuoted = 15;
    public const uint HeaderRight = 16;

    /// <summary>Text that wraps is given at most this width (characters); its row grows instead.</summary>
    public const int WrappedWidth = 32;

    // Built-in number formats need no numFmts entry; the custom ones start at 164.
    private const uint General = 0;
    private const uint WholeNumber = 1;
    private const uint TwoDecimalsGrouped = 4;
    private const uint PercentTwoDecimals = 10;
    private const uint MoneyFormat = 164;
    private const uint RateFormat = 165;
    private const uint DateFormat = 166;

    private const uint RegularFont = 0;
    private const uint BoldFont = 1;
    private const uint HeaderFont = 2;
    private const uint TitleFont = 3;

    public static bool IsMoney(uint style) => style is Amount or BoldAmount;

    public static uint ForText(bool bold, bool quoted, bool wrap = false) => (bold, quoted, wrap) switch
    {
        (_, false, true) => Wrapped,
        (_, true, true) => WrappedQuoted,
        (false, false, _) => Text,
        (false, true, _) => TextQuoted,
        (true, false, _) => Bold,
        (true, true, _) => BoldQuoted,
    };

    public static bool IsWrapped(uint style) => style is Wrapped or WrappedQuoted;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = RateFormat, FormatCode = "#,##0.0000####" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" })
        { Count = 3 },
        new Fonts(Font(bold: false), Font(bold: true), Font(bold: true, color: "FFFFFFFF"), Font(bold: true, size: 13)) { Count = 4 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            // The header blue of the table style (TableStyleMedium2), so plain blocks match the tables.
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF4472C4" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        // The Normal style is top-aligned too: a cell written without a style index takes it in some viewers.
        new CellStyleFormats(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = General, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true }) { Count = 1 },
        new CellFormats(
            Format(General, RegularFont),
            Format(General, RegularFont, quoted: true),
            Format(General, BoldFont),
            Format(General, BoldFont, quoted: true),
            Format(MoneyFormat, RegularFont),
            Format(MoneyFormat, BoldFont),
            Format(WholeNumber, RegularFont),
            Format(General, HeaderFont, fill: 2, wrap: true),
            Format(General, TitleFont),
            Format(TwoDecimalsGrouped, RegularFont),
            Format(RateFormat, RegularFont),
            Format(PercentTwoDecimals, RegularFont),
            Format(DateFormat, RegularFont),
            Format(General, RegularFont),
            Format(General, RegularFont, wrap: true),
            Format(General, RegularFont, quoted: true, wrap: true),
            Format(General, HeaderFont, fill: 2, wrap: true, right: true))
        { Count = 17 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold, string? color = null, double size = 11)
    {
        var font = new Font();
        if (bold)
            font.Append(new Bold());
        font.Append(new FontSize { Val = size });
        if (color is not null)
            font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint numberFormat, uint font, bool quoted = false, uint fill = 0, bool wrap = false, bool right = false)
    {
        var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = 0, FormatId = 0 };
        if (numberFormat != General)
            format.ApplyNumberFormat = true;
        if (font != RegularFont)
            format.ApplyFont = true;
        if (fill != 0)
            format.ApplyFill = true;
        if (quoted)
            format.QuotePrefix = BooleanValue.FromBoolean(true);
        // Every cell sits at the top of its row, so a row made tall by wrapped text reads across.
        var alignment = new Alignment { Vertical = VerticalAlignmentValues.Top };
        if (wrap)
            alignment.WrapText = true;
        if (right)
            alignment.Horizontal = HorizontalAlignmentValues.Right;
        format.ApplyAlignment = true;
        format.Append(alignment);
        return format;
    }
}
