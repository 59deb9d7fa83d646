using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// The texts of one feature, from its own .resx pair (English, French): each feature keeps its
/// words beside its pages. A missing text shows its key (visible, and
/// ResourceCompletenessTests fails on a key without its French text).
public sealed class TextCatalogue(string baseName)
{
    private readonly ResourceTexts resources = new(baseName, typeof(TextCatalogue).Assembly);

    public string Get(string key, CultureInfo culture) => resources.GetString(key, culture) ?? key;

    /// The text in the current request's language, formatted with the arguments.
    public string this[string key, params object?[] args] => Format(CultureInfo.CurrentUICulture, key, args);

    public string Format(CultureInfo culture, string key, params object?[] args) =>
        args.Length == 0 ? Get(key, culture) : string.Format(culture, Get(key, culture), args);

    /// A counted text ("Key.One" / "Key.Other", see <see cref="Plural"/>): the count is {0},
    /// grouped as the language groups digits; <paramref name="args"/> follow as {1}, {2}…
    public string Count(CultureInfo culture, string key, long count, params object?[] args) =>
        string.Format(culture, Get(Plural.Key(key, count, culture), culture), [count.ToString("N0", culture), .. args]);

    public string Count(string key, long count, params object?[] args) => Count(CultureInfo.CurrentUICulture, key, count, args);
}
