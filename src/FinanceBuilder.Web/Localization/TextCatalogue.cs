using System.Globalization;
using System.Resources;

namespace FinanceBuilder.Web.Localization;

/// The texts of one feature, from its own .resx pair (English, French): each feature keeps its
/// words beside its pages. A missing text shows its key (visible, and
/// ResourceCompletenessTests fails on a key without its French text).
public sealed class TextCatalogue(string baseName)
{
    private readonly ResourceManager resources = new(baseName, typeof(TextCatalogue).Assembly);

    public string Get(string key, CultureInfo culture) => resources.GetString(key, culture) ?? key;

    /// The text in the current request's language, formatted with the arguments.
    public string this[string key, params object?[] args] => Format(CultureInfo.CurrentUICulture, key, args);

    public string Format(CultureInfo culture, string key, params object?[] args) =>
        args.Length == 0 ? Get(key, culture) : string.Format(culture, Get(key, culture), args);
}
