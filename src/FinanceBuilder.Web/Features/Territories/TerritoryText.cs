using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Territories;

/// The words of the territories' pages and of the shared indicator library (TerritoryText.resx, .fr.resx).
public static class TerritoryText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Territories.TerritoryText");
}
