using System.Globalization;
using System.Text;
using System.Xml;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// Writes one worksheet row by row, left to right, and remembers how wide each column needs to
/// be. Every value goes through one of three doors: text (shared strings), numbers, and
/// formulas with the value they compute, so a viewer that does not recalculate shows it.
/// The sheet is written as XML straight into its part: the Open XML SDK's object model took
/// over ten times as long to save the same 5,000 cells.
/// </summary>
internal sealed class SheetBuilder(SharedStrings strings)
{
    public const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private const double MinWidth = 8;
    private const double MaxWidth = 60;

    private readonly List<List<CellData>> rows = [];
    private readonly List<int> widths = [];
    private int column;

    private enum Kind { SharedString, Number, Formula }

    /// <summary>A cell; Lines is the text of a wrapped cell split at its line breaks (to size its row).</summary>
    private readonly record struct CellData(int Column, uint Style, Kind Kind, string Value, string? Formula = null, string[]? Lines = null);

    /// <summary>The 1-based index of the current row.</summary>
    public int RowIndex => rows.Count;

    public void NewRow()
    {
        rows.Add([]);
        column = 0;
    }

    /// <summary>Leaves cells empty.</summary>
    public void Skip(int count = 1) => column += count;

    /// <summary>User text; a long one may wrap, within a column of at most WrappedWidth characters.</summary>
    public void Text(string? value, bool bold = false, bool wrap = false)
    {
        var text = CellText.Clean(value);
        var style = WorkbookStyles.ForText(bold, CellText.LooksLikeFormula(text), wrap);
        var wrapped = WorkbookStyles.IsWrapped(style);
        Add(wrapped ? Math.Min(text.Length, WorkbookStyles.WrappedWidth) : text.Length, style, Kind.SharedString,
            strings.IndexOf(text).ToString(CultureInfo.InvariantCulture), lines: wrapped && text.Length > 0 ? text.Split('\n') : null);
    }

    /// <summary>
    /// The workbook's own words (a header, a title) in a style of their own. A title is not
    /// counted in the column's width: it may run over the empty cells beside it. A header is
    /// given room for a filter button.
    /// </summary>
    public void Label(string value, uint style)
    {
        var text = CellText.Clean(value);
        Add(style == WorkbookStyles.Title ? 0 : text.Length + 3, style, Kind.SharedString, strings.IndexOf(text).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A date as spreadsheets store it: days since 1899-12-30, shown as yyyy-mm-dd.</summary>
    public void Date(DateOnly date) =>
        Add(10, WorkbookStyles.Date, Kind.Number, (date.DayNumber - DateOnly.FromDateTime(new DateTime(1899, 12, 30)).DayNumber).ToString(CultureInfo.InvariantCulture));

    public void Number(decimal value, uint style) =>
        Add(Width(value, style), style, Kind.Number, value.ToString(CultureInfo.InvariantCulture));

    public void Formula(string formula, decimal cached, uint style) =>
        Add(Width(cached, style), style, Kind.Formula, cached.ToString(CultureInfo.InvariantCulture), formula);

    /// <summary>The relationship ids of the sheet's tables (Excel tables), written as tableParts.</summary>
    public List<string> TableParts { get; } = [];

    /// <summary>
    /// Writes the sheet, with its header row frozen when it has one, and when given a draft mark
    /// printed bold at the top centre of every page.
    /// </summary>
    public void WriteTo(Stream stream, bool selected, bool frozenHeader, string? draftMark = null)
    {
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartElement("worksheet", MainNamespace);

        // Printed, a sheet fits the width of a landscape A4 page (rows flow onto more pages),
        // instead of one column per page.
        xml.WriteStartElement("sheetPr", MainNamespace);
        xml.WriteStartElement("pageSetUpPr", MainNamespace);
        xml.WriteAttributeString("fitToPage", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetViews", MainNamespace);
        xml.WriteStartElement("sheetView", MainNamespace);
        if (selected)
            xml.WriteAttributeString("tabSelected", "1");
        xml.WriteAttributeString("workbookViewId", "0");
        if (frozenHeader)
        {
            // The header row stays in view while the items scroll.
            xml.WriteStartElement("pane", MainNamespace);
            xml.WriteAttributeString("ySplit", "1");
            xml.WriteAttributeString("topLeftCell", "A2");
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection", MainNamespace);
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", "A2");
            xml.WriteAttributeString("sqref", "A2");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetFormatPr", MainNamespace);
        xml.WriteAttributeString("defaultRowHeight", "15");
        xml.WriteEndElement();

        if (widths.Count > 0)
        {
            xml.WriteStartElement("cols", MainNamespace);
            for (var i = 0; i < widths.Count; i++)
            {
                var width = ColumnWidth(i);
                xml.WriteStartElement("col", MainNamespace);
                xml.WriteAttributeString("min", Invariant(i + 1));
                xml.WriteAttributeString("max", Invariant(i + 1));
                xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetData", MainNamespace);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = Invariant(r + 1);
            xml.WriteStartElement("row", MainNamespace);
            xml.WriteAttributeString("r", row);
            // Spreadsheets do not all grow a row to its wrapped text on opening (LibreOffice
            // keeps the default height), so a row of wrapped text is given its height.
            if (LinesOf(rows[r]) is > 1 and var lines)
            {
                xml.WriteAttributeString("ht", (Math.Min(lines, 20) * 15).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customHeight", "1");
            }
            foreach (var cell in rows[r])
                WriteCell(xml, cell, row);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("pageMargins", MainNamespace);
        foreach (var (side, inches) in new[] { ("left", "0.5"), ("right", "0.5"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3") })
            xml.WriteAttributeString(side, inches);
        xml.WriteEndElement();
        xml.WriteStartElement("pageSetup", MainNamespace);
        xml.WriteAttributeString("paperSize", "9"); // A4
        xml.WriteAttributeString("orientation", "landscape");
        xml.WriteAttributeString("fitToWidth", "1");
        xml.WriteAttributeString("fitToHeight", "0");
        xml.WriteEndElement();

        if (!string.IsNullOrEmpty(draftMark))
        {
            // Header codes: &C centre, &"-,Bold" bold; a literal '&' is written '&&'.
            xml.WriteStartElement("headerFooter", MainNamespace);
            xml.WriteElementString("oddHeader", MainNamespace, "&C&\"-,Bold\"" + draftMark.Replace("&", "&&", StringComparison.Ordinal));
            xml.WriteEndElement();
        }

        // Identifiers such as "1" are text on purpose, and a year column's formula differs from
        // its neighbours' on purpose: no green triangles on them.
        if (widths.Count > 0)
        {
            xml.WriteStartElement("ignoredErrors", MainNamespace);
            xml.WriteStartElement("ignoredError", MainNamespace);
            xml.WriteAttributeString("sqref", "A1:" + ColumnName(widths.Count - 1) + Invariant(rows.Count));
            xml.WriteAttributeString("numberStoredAsText", "1");
            xml.WriteAttributeString("formula", "1");
            xml.WriteAttributeString("calculatedColumn", "1");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        if (TableParts.Count > 0)
        {
            xml.WriteStartElement("tableParts", MainNamespace);
            xml.WriteAttributeString("count", Invariant(TableParts.Count));
            foreach (var id in TableParts)
            {
                xml.WriteStartElement("tablePart", MainNamespace);
                xml.WriteAttributeString("r", "id", RelationshipNamespace, id);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>UTF-8 without a byte order mark; characters XML cannot hold throw (they were removed before).</summary>
    public static XmlWriterSettings Settings { get; } = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    /// <summary>The column letters of a 0-based column index: 0 → A, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private double ColumnWidth(int column) => Math.Round(Math.Clamp(widths[column] * 1.1 + 2, MinWidth, MaxWidth), 1);

    /// <summary>
    /// The lines the row's wrapped cells take at their column widths. A width unit is one digit
    /// of Calibri 11; text averages narrower, about 1.1 characters per unit (rather one line too
    /// many than a clipped one).
    /// </summary>
    private int LinesOf(List<CellData> cells)
    {
        var most = 1;
        foreach (var cell in cells)
        {
            if (cell.Lines is null)
                continue;
            var capacity = Math.Max(1, (int)(ColumnWidth(cell.Column) * 1.1));
            most = Math.Max(most, cell.Lines.Sum(l => Math.Max(1, (l.Length + capacity - 1) / capacity)));
        }
        return most;
    }

    private static void WriteCell(XmlWriter xml, CellData cell, string row)
    {
        xml.WriteStartElement("c", MainNamespace);
        xml.WriteAttributeString("r", ColumnName(cell.Column) + row);
        if (cell.Style != WorkbookStyles.Text)
            xml.WriteAttributeString("s", Invariant(cell.Style));
        if (cell.Kind == Kind.SharedString)
            xml.WriteAttributeString("t", "s");
        if (cell.Formula is not null)
            xml.WriteElementString("f", MainNamespace, cell.Formula);
        xml.WriteElementString("v", MainNamespace, cell.Value);
        xml.WriteEndElement();
    }

    private void Add(int width, uint style, Kind kind, string value, string? formula = null, string[]? lines = null)
    {
        if (rows.Count == 0)
            throw new InvalidOperationException("NewRow must be called before the first cell.");
        while (widths.Count <= column)
            widths.Add(0);
        // A long description should wrap the view at MaxWidth, not stretch the column.
        widths[column] = Math.Max(widths[column], Math.Min(width, (int)MaxWidth));
        rows[^1].Add(new CellData(column, style, kind, value, formula, lines));
        column++;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Width(decimal value, uint style) => style switch
    {
        WorkbookStyles.Amount or WorkbookStyles.BoldAmount => value.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        WorkbookStyles.UnitCost => value.ToString("#,##0.00", CultureInfo.InvariantCulture).Length,
        WorkbookStyles.Rate => Math.Min(value.ToString("#,##0.0000####", CultureInfo.InvariantCulture).Length, 14),
        WorkbookStyles.Percent => 8,
        _ => Math.Min(value.ToString(CultureInfo.InvariantCulture).Length, 15),
    };
}
