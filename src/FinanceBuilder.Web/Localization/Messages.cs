using System.Globalization;
using System.Resources;

namespace FinanceBuilder.Web.Localization;

/// Messages shown to users for bad input, in their language (design D12). The texts live in
/// Messages.resx (English) and Messages.fr.resx; a missing French text falls back to English.
public static class Messages
{
    private static readonly ResourceManager Resources = new("FinanceBuilder.Web.Localization.Messages", typeof(Messages).Assembly);

    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = [new("en"), new("fr")];

    public static string Format(CultureInfo culture, string key, params object?[] args)
    {
        var text = Resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Message '{key}' is missing from Messages.resx.");
        return string.Format(culture, text, args);
    }

    /// The supported culture closest to a language tag such as "fr-SN"; English otherwise.
    public static CultureInfo CultureFor(string? languageTag)
    {
        if (string.IsNullOrWhiteSpace(languageTag))
            return SupportedCultures[0];
        var two = languageTag.Trim()[..Math.Min(2, languageTag.Trim().Length)].ToLowerInvariant();
        return SupportedCultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == two) ?? SupportedCultures[0];
    }
}
