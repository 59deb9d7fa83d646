using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Home;

/// The words of the import page's problem list (ImportText.resx, .fr.resx).
public static class ImportText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Home.ImportText");
}
