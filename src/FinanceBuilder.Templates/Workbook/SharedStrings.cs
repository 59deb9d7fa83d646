using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The workbook's shared string table. Text goes only here, never into a formula, so nothing a
/// user typed can be evaluated; descriptions repeated by year are stored once.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];

    public int Count => texts.Count;

    public int IndexOf(string text)
    {
        if (!indexes.TryGetValue(text, out var index))
        {
            index = texts.Count;
            indexes.Add(text, index);
            texts.Add(text);
        }
        return index;
    }

    public SharedStringTable ToTable()
    {
        var table = new SharedStringTable { Count = (uint)texts.Count, UniqueCount = (uint)texts.Count };
        foreach (var text in texts)
        {
            var element = new DocumentFormat.OpenXml.Spreadsheet.Text(CellText.Escape(text));
            // Spaces at either end and line breaks are lost without xml:space="preserve".
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
                element.Space = SpaceProcessingModeValues.Preserve;
            table.Append(new SharedStringItem(element));
        }
        return table;
    }
}
