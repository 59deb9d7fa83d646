using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Home;

/// The words of the home page: the proposal list and how to start (HomeText.resx, .fr.resx).
public static class HomeText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Home.HomeText");
}
