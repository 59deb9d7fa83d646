using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace FinanceBuilder.Templates.Tests.Docx;

/// <summary>
/// Checks on a generated DOCX shared by the engine's and the web app's tests (the web test
/// project links this file): schema validation and a normalised document.xml for golden files.
/// Self-contained: only the Open XML SDK and the BCL.
/// </summary>
internal static partial class DocxChecks
{
    /// <summary>Every error the Open XML validator finds against the Office 2019 schema, as readable lines.</summary>
    public static List<string> Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    /// <summary>
    /// word/document.xml indented, with what changes from run to run replaced by stable values:
    /// rsids, drawing ids, relationship ids of images and dates.
    /// </summary>
    public static string NormalizedDocumentXml(byte[] docx)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entry = zip.GetEntry("word/document.xml") ?? throw new InvalidDataException("No word/document.xml in the package.");
        using var reader = entry.Open();
        var xml = XDocument.Load(reader);
        XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var relationships = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in xml.Descendants())
        {
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                if (attribute.Name.Namespace == w && name.StartsWith("rsid", StringComparison.Ordinal))
                    attribute.Remove();
                else if (attribute.Name.Namespace == r && name is "embed" or "id" or "link")
                {
                    if (!relationships.TryGetValue(attribute.Value, out var stable))
                        relationships[attribute.Value] = stable = "rId#" + (relationships.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    attribute.Value = stable;
                }
                else if (element.Name.LocalName == "docPr" && name == "id")
                    attribute.Value = "#";
                else if (attribute.Name.Namespace == w && name == "date")
                    attribute.Value = "#";
            }
        }
        var text = xml.ToString(SaveOptions.None);
        return IsoDate().Replace(text, "#date#");
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?")]
    private static partial Regex IsoDate();
}
