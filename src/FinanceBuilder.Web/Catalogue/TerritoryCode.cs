using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Catalogue;

/// The official code of a place in its country — a region's ISO 3166-2 "SN-SL", INSEE's "75056",
/// a census code "GH-0816" — as the catalogue, the territory pages and the values files all take
/// it: letters, digits, '.', '-' and '_', at most 40, starting with a letter or a digit.
public static partial class TerritoryCode
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$", RegexOptions.None, 1000)]
    public static partial Regex Pattern();
}
