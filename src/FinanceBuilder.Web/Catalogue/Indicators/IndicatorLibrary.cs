using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using Sylvan.Data.Csv;

namespace FinanceBuilder.Web.Catalogue.Indicators;

/// The library of territorial indicator definitions every organisation shares: the GCF's IRMF
/// core indicators and the territorial ones (population, emissions per inhabitant, exposed
/// population, green areas…). It ships with the app (Data/indicator-definitions.csv) so that the
/// same code means the same thing on every territory's page and in every export; a new
/// definition is a reviewed change to that file, not an upload.
public static class IndicatorLibrary
{
    private static readonly Lazy<IReadOnlyList<IndicatorDefinition>> Loaded = new(Load);
    private static readonly Lazy<Dictionary<string, IndicatorDefinition>> ByCode =
        new(() => Loaded.Value.ToDictionary(d => d.Code, StringComparer.Ordinal));

    public static IReadOnlyList<IndicatorDefinition> All => Loaded.Value;

    public static IndicatorDefinition? Find(string? code) =>
        code is not null && ByCode.Value.TryGetValue(code, out var definition) ? definition : null;

    private static List<IndicatorDefinition> Load()
    {
        using var stream = typeof(IndicatorLibrary).Assembly.GetManifestResourceStream("FinanceBuilder.Web.indicator-definitions.csv")
            ?? throw new InvalidOperationException("The indicator library is not embedded in the app.");
        using var csv = CsvDataReader.Create(new StreamReader(stream));
        var list = new List<IndicatorDefinition>();
        while (csv.Read())
        {
            string S(string name) => csv.GetString(csv.GetOrdinal(name));
            decimal? D(string name) => S(name) is { Length: > 0 } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : null;
            list.Add(new IndicatorDefinition(
                S("code"), S("title_en"), S("title_fr"), S("unit_en"), S("unit_fr"), int.Parse(S("decimals"), CultureInfo.InvariantCulture),
                D("min"), D("max"), Enum.Parse<IndicatorTrend>(S("trend"), ignoreCase: true),
                S("irmf_core") is { Length: > 0 } core ? (IrmfCore)(int.Parse(core, CultureInfo.InvariantCulture) - 1) : null,
                S("method_en"), S("method_fr"), S("source")));
        }
        return list;
    }
}
