using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>The few cell formats the workbook uses; the constants are their indexes in cellXfs.</summary>
internal static class WorkbookStyles
{
    public const uint Text = 0;
    public const uint TextQuoted = 1;
    public const uint Bold = 2;
    public const uint BoldQuoted = 3;
    public const uint Amount = 4;
    public const uint BoldAmount = 5;
    public const uint Integer = 6;
    public const uint BoldInteger = 7;

    // Built-in number formats: every spreadsheet knows them, so no numFmts part is needed.
    private const uint General = 0;
    private const uint WholeNumber = 1;
    private const uint TwoDecimalsGrouped = 4;

    public static uint ForText(bool bold, bool quoted) => (bold, quoted) switch
    {
        (false, false) => Text,
        (false, true) => TextQuoted,
        (true, false) => Bold,
        (true, true) => BoldQuoted,
    };

    public static Stylesheet Create() => new(
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = General, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(General, bold: false),
            Format(General, bold: false, quoted: true),
            Format(General, bold: true),
            Format(General, bold: true, quoted: true),
            Format(TwoDecimalsGrouped, bold: false),
            Format(TwoDecimalsGrouped, bold: true),
            Format(WholeNumber, bold: false),
            Format(WholeNumber, bold: true))
        { Count = 8 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
            font.Append(new Bold());
        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(uint numberFormat, bool bold, bool quoted = false)
    {
        var format = new CellFormat { NumberFormatId = numberFormat, FontId = bold ? 1u : 0u, FillId = 0, BorderId = 0, FormatId = 0 };
        if (numberFormat != General)
            format.ApplyNumberFormat = true;
        if (bold)
            format.ApplyFont = true;
        if (quoted)
            format.QuotePrefix = BooleanValue.FromBoolean(true);
        return format;
    }
}
