using System.Xml;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// Every XML part of an upload is read with document type definitions prohibited and no
/// resolver: an external entity (XXE) or an entity expansion ("billion laughs") is refused,
/// never followed.
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 50_000_000,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    /// A reader with the same protections, for a caller that reads the content itself (the
    /// map's KML reader); it throws XmlException on a DTD or a malformed document.
    public static XmlReader Open(Stream part) => XmlReader.Create(part, Settings);

    /// Reads the part to its end, handing each element to <paramref name="visit"/>.
    public static void Read(byte[] part, Action<XmlReader>? visit = null)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(part), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                    visit?.Invoke(reader);
            }
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new RefusedFile("Dtd");
        }
        catch (XmlException)
        {
            throw new RefusedFile("Corrupt");
        }
    }
}
