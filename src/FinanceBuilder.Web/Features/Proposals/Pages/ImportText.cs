using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Proposals.Pages;

/// The words of the import page's problem list (ImportText.resx, .fr.resx).
public static class ImportText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Proposals.Pages.ImportText");
}
