using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Rules;

/// Names under which countries appear in GCF titles beside the ones .NET knows (UN short
/// forms, former names, French and Spanish forms). R-001 accepts any of them.
public static class CountryNames
{
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["LA"] = ["Lao PDR", "Lao People's Democratic Republic", "Laos"],
        ["CI"] = ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
        ["CD"] = ["Democratic Republic of the Congo", "DR Congo", "DRC", "République démocratique du Congo", "RDC"],
        ["CG"] = ["Republic of the Congo", "Congo", "République du Congo"],
        ["KG"] = ["Kyrgyz Republic", "Kyrgyzstan"],
        ["PS"] = ["State of Palestine", "Palestine"],
        ["KN"] = ["Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"],
        ["LC"] = ["Saint Lucia", "St Lucia", "St. Lucia"],
        ["VC"] = ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
        ["VN"] = ["Viet Nam", "Vietnam"],
        ["TR"] = ["Türkiye", "Turkey"],
        ["CV"] = ["Cabo Verde", "Cape Verde", "Cap-Vert"],
        ["SZ"] = ["Eswatini", "Swaziland"],
        ["MM"] = ["Myanmar", "Burma"],
        ["TL"] = ["Timor-Leste", "East Timor"],
        ["TZ"] = ["Tanzania", "United Republic of Tanzania", "Tanzanie"],
        ["GM"] = ["The Gambia", "Gambia", "Gambie"],
        ["BO"] = ["Bolivia", "Plurinational State of Bolivia"],
        ["FM"] = ["Micronesia", "Federated States of Micronesia"],
        ["MD"] = ["Moldova", "Republic of Moldova"],
        ["SY"] = ["Syria", "Syrian Arab Republic"],
        ["IR"] = ["Iran", "Islamic Republic of Iran"],
        ["KR"] = ["Republic of Korea", "South Korea"],
        ["KP"] = ["Democratic People's Republic of Korea", "North Korea"],
        ["MK"] = ["North Macedonia", "Macedonia"],
        ["BJ"] = ["Benin", "Bénin"],
        ["SN"] = ["Senegal", "Sénégal"],
        ["CM"] = ["Cameroon", "Cameroun"],
        ["GN"] = ["Guinea", "Guinée"],
        ["TD"] = ["Chad", "Tchad"],
        ["MA"] = ["Morocco", "Maroc"],
        ["DZ"] = ["Algeria", "Algérie"],
        ["TN"] = ["Tunisia", "Tunisie"],
        ["MR"] = ["Mauritania", "Mauritanie"],
        ["HT"] = ["Haiti", "Haïti"],
        ["KM"] = ["Comoros", "Comores"],
        ["MG"] = ["Madagascar"],
        ["EC"] = ["Ecuador", "Équateur"],
        ["PE"] = ["Peru", "Perú", "Pérou"],
        ["MX"] = ["Mexico", "México", "Mexique"],
        ["BR"] = ["Brazil", "Brasil", "Brésil"],
    };

    public static IEnumerable<string> Aliases(string code) => Known.TryGetValue(code, out var names) ? names : [];

    /// Every name of the country: the aliases above, then .NET's English and native names.
    public static IEnumerable<string> All(string code)
    {
        foreach (var alias in Aliases(code))
            yield return alias;
        RegionInfo region;
        try { region = new RegionInfo(code); }
        catch (ArgumentException) { yield break; }
        yield return region.EnglishName;
        yield return region.NativeName;
    }

    /// Whether the text names the country, as a whole word, ignoring accents, case and the kind
    /// of apostrophe: "Niger" is not in "Nigeria".
    public static bool Mentions(string text, string code)
    {
        var folded = Fold(text);
        return All(code).Any(name => Regex.IsMatch(folded, $@"(?<![\p{{L}}]){Regex.Escape(Fold(name))}(?![\p{{L}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    private static string Fold(string text) =>
        new string(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('\u2019', '\'').Replace('\u2018', '\'');
}
