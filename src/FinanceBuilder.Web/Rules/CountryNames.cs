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
}
