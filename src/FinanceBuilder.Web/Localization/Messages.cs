using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// Messages shown to users for bad input, in their language (design D12). The texts live in
/// Messages.resx (English) and Messages.fr.resx; a missing French text falls back to English.
public static class Messages
{
    private static readonly ResourceTexts Resources = new("FinanceBuilder.Web.Localization.Messages", typeof(Messages).Assembly);

    /// English, plus every language the app has resources for: a language is added by adding its
    /// .resx files (and its code to SatelliteResourceLanguages in Directory.Build.props), not code.
    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = Discover();

    private static List<CultureInfo> Discover()
    {
        var cultures = new List<CultureInfo> { CultureInfo.GetCultureInfo("en") };
        foreach (var folder in Directory.EnumerateDirectories(AppContext.BaseDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == "en" || !File.Exists(Path.Combine(folder, typeof(Messages).Assembly.GetName().Name + ".resources.dll")))
                continue;
            try
            {
                cultures.Add(CultureInfo.GetCultureInfo(name));
            }
            catch (CultureNotFoundException)
            {
                // A folder that is not a language.
            }
        }
        return cultures;
    }

    /// "English", "Français": each language named in itself, for the language links.
    public static string NativeName(CultureInfo culture) =>
        culture.TextInfo.ToUpper(culture.NativeName[0]) + culture.NativeName[1..];

    public static string Format(CultureInfo culture, string key, params object?[] args)
    {
        var text = Resources.GetString(key, culture)
            ?? throw new InvalidOperationException($"Message '{key}' is missing from Messages.resx.");
        return string.Format(culture, text, args);
    }

    /// A counted message ("Key.One" / "Key.Other", see <see cref="Plural"/>) with the count as {0}.
    public static string Count(CultureInfo culture, string key, long count, params object?[] args) =>
        Format(culture, Plural.Key(key, count, culture), [count.ToString("N0", culture), .. args]);

    /// The supported culture closest to a language tag such as "fr-SN"; English otherwise.
    public static CultureInfo CultureFor(string? languageTag)
    {
        if (string.IsNullOrWhiteSpace(languageTag))
            return SupportedCultures[0];
        var two = languageTag.Trim()[..Math.Min(2, languageTag.Trim().Length)].ToLowerInvariant();
        return SupportedCultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == two) ?? SupportedCultures[0];
    }
}
