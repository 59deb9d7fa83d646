using System.Globalization;
using FinanceBuilder.Web.Catalogue.Model;

namespace FinanceBuilder.Web.Catalogue;

/// Codes for the communes of an action drafted from a proposal. A proposal names its local
/// governments but carries no official code; the library of territorial indicators knows the
/// places of a country by code and name. A commune takes the code of the one place of its
/// country whose name is its name — letter case, accents, hyphens and spaces aside ("Saint Louis"
/// is "Saint-Louis", "Dassa-Zoume" is "Dassa-Zoumè"). Two places of that name (homonyms are common
/// among French communes) or none: the code stays empty for the organisation to enter, since a
/// wrong code would put the action on another town's page.
public static class CommuneCodes
{
    private const CompareOptions SameName = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreSymbols;

    /// <param name="places">The country's places that the library knows: code and name.</param>
    public static void Fill(IEnumerable<ActionCommune> communes, IReadOnlyCollection<(string Code, string Name)> places)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        foreach (var commune in communes.Where(c => string.IsNullOrWhiteSpace(c.Code) && !string.IsNullOrWhiteSpace(c.Name)))
        {
            var named = places.Where(p => compare.Compare(p.Name, commune.Name, SameName) == 0).Select(p => p.Code).Distinct(StringComparer.Ordinal).Take(2).ToList();
            if (named is [var code])
                commune.Code = code;
        }
    }
}
