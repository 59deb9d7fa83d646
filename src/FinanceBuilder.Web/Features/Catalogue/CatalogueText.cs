using System.Globalization;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The words of the catalogue: the organisation's actions, publishing, the public pages
/// (CatalogueText.resx, .fr.resx).
public static class CatalogueText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Catalogue.CatalogueText");

    /// The name of a value of the catalogue's own lists ("Enum.ActionStatus.InProgress").
    public static string Label<T>(T value, CultureInfo culture) where T : struct, Enum =>
        Texts.Get($"Enum.{typeof(T).Name}.{value}", culture);
}
