using System.Collections.Concurrent;
using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Reference;

namespace FinanceBuilder.Web.Proposals.Text;

/// Country names in the reader's language, sorted as that language sorts them. The names come
/// from ICU through .NET ("Benin"), and in French from the table that also gives their articles
/// (CountryText: "République démocratique du Congo" rather than ICU's "Congo-Kinshasa").
public static class CountryList
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByCulture = new();

    public static IReadOnlyList<(string Code, string Name)> For(CultureInfo culture) =>
        ByCulture.GetOrAdd(culture.Name, _ => Build(culture));

    public static string Name(string code, CultureInfo culture) =>
        For(culture).FirstOrDefault(c => c.Code == code).Name ?? code;

    private static List<(string Code, string Name)> Build(CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            // A culture's display name is written in the current UI language: "anglais (Bénin)".
            CultureInfo.CurrentUICulture = culture;
            return IsoCodes.Countries
                .Select(code => (code, CountryText.Name(code, culture) ?? RegionName(code)))
                .OrderBy(c => c.Item2, StringComparer.Create(culture, CompareOptions.IgnoreCase))
                .ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string RegionName(string code)
    {
        try
        {
            var display = new CultureInfo("en-" + code).DisplayName;
            var open = display.LastIndexOf('(');
            return open >= 0 && display.EndsWith(')') ? display[(open + 1)..^1] : new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
