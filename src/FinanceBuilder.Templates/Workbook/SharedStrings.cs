using System.Globalization;
using System.Xml;

namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// The workbook's shared string table. Text goes only here, never into a formula, so nothing a
/// user typed can be evaluated; descriptions repeated by year are stored once.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];

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

    public void WriteTo(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, SheetBuilder.Settings);
        xml.WriteStartElement("sst", SheetBuilder.MainNamespace);
        var count = texts.Count.ToString(CultureInfo.InvariantCulture);
        xml.WriteAttributeString("count", count);
        xml.WriteAttributeString("uniqueCount", count);
        foreach (var text in texts)
        {
            xml.WriteStartElement("si", SheetBuilder.MainNamespace);
            xml.WriteStartElement("t", SheetBuilder.MainNamespace);
            // Spaces at either end and line breaks are lost without xml:space="preserve".
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal)))
                xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(CellText.Escape(text));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
