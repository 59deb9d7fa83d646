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

    private readonly record struct CellData(int Column, uint Style, Kind Kind, string Value, string? Formula = null);

    /// <summary>The 1-based index of the current row.</summary>
    public int RowIndex => rows.Count;

    public void NewRow()
    {
        rows.Add([]);
        column = 0;
    }

    public void Skip() => column++;

    public void Text(string? value, bool bold = false)
    {
        var text = CellText.Clean(value);
        Add(text.Length, WorkbookStyles.ForText(bold, CellText.LooksLikeFormula(text)), Kind.SharedString,
            strings.IndexOf(text).ToString(CultureInfo.InvariantCulture));
    }

    public void Number(decimal value, uint style) =>
        Add(Width(value, style), style, Kind.Number, value.ToString(CultureInfo.InvariantCulture));

    public void Formula(string formula, decimal cached, uint style) =>
        Add(Width(cached, style), style, Kind.Formula, cached.ToString(CultureInfo.InvariantCulture), formula);

    /// <summary>
    /// Writes the sheet, with the header row frozen, when given an autofilter on a range, and when
    /// given a draft mark printed bold at the top centre of every page.
    /// </summary>
    public void WriteTo(Stream stream, bool selected, string? autoFilter, string? draftMark = null)
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
        // The header row stays in view while the lines scroll.
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
                var width = Math.Round(Math.Clamp(widths[i] * 1.1 + 2, MinWidth, MaxWidth), 1);
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
            foreach (var cell in rows[r])
                WriteCell(xml, cell, row);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        if (autoFilter is not null)
        {
            xml.WriteStartElement("autoFilter", MainNamespace);
            xml.WriteAttributeString("ref", autoFilter);
            xml.WriteEndElement();
        }

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
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

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

    private void Add(int width, uint style, Kind kind, string value, string? formula = null)
    {
        if (rows.Count == 0)
            throw new InvalidOperationException("NewRow must be called before the first cell.");
        while (widths.Count <= column)
            widths.Add(0);
        // A long description should wrap the view at MaxWidth, not stretch the column.
        widths[column] = Math.Max(widths[column], Math.Min(width, (int)MaxWidth));
        rows[^1].Add(new CellData(column, style, kind, value, formula));
        column++;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Width(decimal value, uint style) =>
        style is WorkbookStyles.Amount or WorkbookStyles.BoldAmount
            ? value.ToString("#,##0.00", CultureInfo.InvariantCulture).Length
            : value.ToString(CultureInfo.InvariantCulture).Length;
}
