using System.Globalization;
using System.Xml;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>A column of an Excel table: its header, and the formula every row computes, if any.</summary>
/// <param name="Name">The header, unique in the table (ignoring case), and the name formulas use.</param>
/// <param name="RowFormula">The calculated column's formula, which Excel copies into appended rows.</param>
/// <param name="TotalsLabel">The text of the totals row in this column.</param>
/// <param name="Summed">Whether the totals row sums this column.</param>
internal sealed record TableColumn(string Name, string? RowFormula = null, string? TotalsLabel = null, bool Summed = false);

/// <summary>
/// An Excel table ("Format as Table"): a named range with a header row, banded rows, filter
/// buttons and an optional totals row. Formulas name its columns (structured references), so a
/// row a user appends is counted by every total without editing a formula.
/// </summary>
internal sealed class ExcelTable(int id, string name, IEnumerable<TableColumn> columns, int firstRow, int dataRows, bool totalsRow)
{
    public const string Style = "TableStyleMedium2";

    private readonly List<TableColumn> columns = [.. columns];

    public string Name { get; } = name;

    public IReadOnlyList<TableColumn> Columns => columns;

    /// <summary>
    /// Gives a column its row formula, totals label or sum. The formulas name the table's own
    /// columns, so they are written once the table (and so its column names) exists.
    /// </summary>
    public void Describe(TableColumn column)
    {
        var index = columns.FindIndex(c => c.Name == column.Name);
        if (index < 0)
            throw new ArgumentException($"The table {Name} has no column '{column.Name}'.", nameof(column));
        columns[index] = column;
    }

    /// <summary>The row of the totals, when the table has one.</summary>
    public int TotalsRowIndex => firstRow + dataRows + 1;

    /// <summary>Every column of the table (header to last data row) as a structured reference: Name[[Column]].</summary>
    public string Column(string column) => Name + "[[" + Escape(Check(column)) + "]]";

    /// <summary>The cell of a column in the formula's own row: Name[[#This Row],[Column]].</summary>
    public string ThisRow(string column) => Name + "[[#This Row],[" + Escape(Check(column)) + "]]";

    /// <summary>The cells of the formula's own row from one column to another.</summary>
    public string ThisRow(string first, string last) =>
        Name + "[[#This Row],[" + Escape(Check(first)) + "]:[" + Escape(Check(last)) + "]]";

    public void WriteTo(Stream stream)
    {
        var lastColumn = SheetBuilder.ColumnName(Columns.Count - 1);
        var lastData = firstRow + dataRows;
        using var xml = XmlWriter.Create(stream, SheetBuilder.Settings);
        xml.WriteStartElement("table", SheetBuilder.MainNamespace);
        xml.WriteAttributeString("id", Invariant(id));
        xml.WriteAttributeString("name", Name);
        xml.WriteAttributeString("displayName", Name);
        xml.WriteAttributeString("ref", $"A{Invariant(firstRow)}:{lastColumn}{Invariant(totalsRow ? TotalsRowIndex : lastData)}");
        if (totalsRow)
            xml.WriteAttributeString("totalsRowCount", "1");
        else
            xml.WriteAttributeString("totalsRowShown", "0");
        xml.WriteStartElement("autoFilter", SheetBuilder.MainNamespace);
        xml.WriteAttributeString("ref", $"A{Invariant(firstRow)}:{lastColumn}{Invariant(lastData)}");
        xml.WriteEndElement();
        xml.WriteStartElement("tableColumns", SheetBuilder.MainNamespace);
        xml.WriteAttributeString("count", Invariant(Columns.Count));
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            xml.WriteStartElement("tableColumn", SheetBuilder.MainNamespace);
            xml.WriteAttributeString("id", Invariant(i + 1));
            xml.WriteAttributeString("name", ColumnNameInPart(column.Name));
            if (totalsRow && column.TotalsLabel is not null)
                xml.WriteAttributeString("totalsRowLabel", column.TotalsLabel);
            if (totalsRow && column.Summed)
                xml.WriteAttributeString("totalsRowFunction", "sum");
            if (column.RowFormula is not null)
                xml.WriteElementString("calculatedColumnFormula", SheetBuilder.MainNamespace, column.RowFormula);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("tableStyleInfo", SheetBuilder.MainNamespace);
        xml.WriteAttributeString("name", Style);
        xml.WriteAttributeString("showFirstColumn", "0");
        xml.WriteAttributeString("showLastColumn", "0");
        xml.WriteAttributeString("showRowStripes", "1");
        xml.WriteAttributeString("showColumnStripes", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The totals row's formula for a summed column, as Excel writes it.</summary>
    public string TotalFormula(string column) => "SUBTOTAL(109," + Column(column) + ")";

    /// <summary>
    /// Header texts made into column names: cleaned, never empty, and unique ignoring case (a
    /// second "Total" becomes "Total 2"), as Excel requires of a table.
    /// </summary>
    public static List<string> UniqueNames(IEnumerable<string> headers)
    {
        var names = new List<string>();
        foreach (var header in headers)
        {
            var clean = CellText.Clean(header).Replace('\n', ' ').Trim();
            if (clean.Length == 0)
                clean = "Column";
            if (clean.Length > 200)
                clean = clean[..200];
            var unique = clean;
            for (var n = 2; names.Any(t => t.Equals(unique, StringComparison.OrdinalIgnoreCase)); n++)
                unique = clean + " " + n.ToString(CultureInfo.InvariantCulture);
            names.Add(unique);
        }
        return names;
    }

    /// <summary>
    /// In a structured reference the characters [ ] # ' are escaped with an apostrophe; the
    /// double-bracket form used everywhere also allows spaces and any other character.
    /// </summary>
    private static string Escape(string column)
    {
        var escaped = new System.Text.StringBuilder(column.Length + 4);
        foreach (var c in column)
        {
            if (c is '[' or ']' or '#' or '\'')
                escaped.Append('\'');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    // A table part stores line breaks in names as _x000a_, like shared strings; the names made
    // here have none, but an underscore sequence still needs escaping.
    private static string ColumnNameInPart(string name) => CellText.Escape(name);

    private string Check(string column) =>
        Columns.Any(c => c.Name == column) ? column : throw new ArgumentException($"The table {Name} has no column '{column}'.", nameof(column));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
