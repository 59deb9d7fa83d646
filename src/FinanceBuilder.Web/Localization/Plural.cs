using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// Which form of a counted text to show: a text that counts has two keys, "Key.One" and
/// "Key.Other", and this is the one place that knows each language's rule. French treats 0 and
/// 1 (and anything under 2) as singular — "0 erreur", "1 section complète" — English only 1:
/// "0 errors", "1 error".
public static class Plural
{
    public static bool IsOne(decimal count, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" ? Math.Abs(count) < 2 : count == 1;

    /// "Ui.Progress" and 1 → "Ui.Progress.One".
    public static string Key(string key, decimal count, CultureInfo culture) =>
        key + (IsOne(count, culture) ? ".One" : ".Other");
}
