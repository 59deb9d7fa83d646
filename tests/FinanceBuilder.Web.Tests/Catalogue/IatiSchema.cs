using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// IATI 2.03's schema and code lists, read from Standards/iati-2.03 (copied unchanged).
internal static class IatiSchema
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Standards", "iati-2.03");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(Folder, "schema", "iati-activities-schema.xsd"));
        set.Compile();
        return set;
    });

    /// Every error and warning the schema reports, with its line; empty when the file is valid.
    public static IReadOnlyList<string> Problems(string xml)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        var problems = new List<string>();
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition} {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    /// The active codes of a code list ("Sector", "PolicyMarker"); withdrawn codes are left out.
    public static IReadOnlySet<string> ActiveCodes(string list) =>
        XDocument.Load(Path.Combine(Folder, "codelists", list + ".xml"))
            .Descendants("codelist-item")
            .Where(i => (string?)i.Attribute("status") != "withdrawn")
            .Select(i => (string)i.Element("code")!)
            .ToHashSet(StringComparer.Ordinal);
}
