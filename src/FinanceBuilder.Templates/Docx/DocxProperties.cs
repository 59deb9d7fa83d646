using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Text;
using Ap = DocumentFormat.OpenXml.ExtendedProperties;

namespace FinanceBuilder.Templates.Docx;

/// <summary>The document's metadata (core and application properties) and its settings part.</summary>
internal static class DocxProperties
{
    public static void Add(WordprocessingDocument package, DocumentInfo info)
    {
        var created = info.Created == default ? DateTime.UtcNow : info.Created.UtcDateTime;
        var core = package.PackageProperties;
        core.Title = DocumentText.Sanitize(info.Title);
        core.Creator = DocumentText.Sanitize(info.Author);
        core.Subject = DocumentText.Sanitize(info.Subject);
        if (info.Language.Length > 0)
            core.Language = info.Language;
        core.Created = created;
        core.Modified = created;
        var app = package.AddExtendedFilePropertiesPart();
        app.Properties = new Ap.Properties(new Ap.Application("FinanceBuilder"), new Ap.DocumentSecurity("0"));
    }

    public static void Settings(MainDocumentPart main, DocumentTheme theme)
    {
        var part = main.AddNewPart<DocumentSettingsPart>();
        // No w:updateFields: it makes Word ask on every opening whether to update the fields,
        // which reads like a warning to a reviewer. The table of contents already carries its
        // entries and approximate page numbers (PAGEREF fields LibreOffice computes itself);
        // Word refreshes them with one F9 or when printing.
        part.Settings = new Settings(
            new DefaultTabStop { Val = (short)DocxUnits.Twips(theme.ListIndent * 2) },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(
                // A line ended by a line break ("\n") in a justified paragraph is not stretched.
                new DoNotExpandShiftReturn(),
                new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
    }
}
