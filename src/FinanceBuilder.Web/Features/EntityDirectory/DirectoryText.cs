using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.EntityDirectory;

/// The words of the accredited-entity directory: its picker in the wizard, its administration
/// page and the checks of an uploaded file (DirectoryText.resx, .fr.resx).
public static class DirectoryText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.EntityDirectory.DirectoryText");
}
