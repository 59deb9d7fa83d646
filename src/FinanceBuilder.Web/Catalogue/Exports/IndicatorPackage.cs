using System.Globalization;
using FinanceBuilder.Web.Catalogue.Indicators;

namespace FinanceBuilder.Web.Catalogue.Exports;

/// The shared library of territorial indicators as a Frictionless Data Package (v2): the
/// definitions, the datasets organisations published, and every value with its source and
/// licence (docs/territorial-indicators.md). Same CSV conventions as the catalogue's package.
public static class IndicatorPackage
{
    public static readonly DataPackage.Table Definitions = new("definitions", "Indicator definitions",
    [
        new("code", "string", true),
        new("title_en", "string", true),
        new("title_fr", "string", true),
        new("unit_en", "string", true),
        new("unit_fr", "string", true),
        new("decimals", "integer", true),
        new("min", "number"),
        new("max", "number"),
        new("trend", "string", true, Description: "increase, decrease or none: which way is better"),
        new("irmf_core", "integer", Description: "The GCF IRMF core indicator (1 to 8) it is, if any"),
        new("method_en", "string", true),
        new("method_fr", "string", true),
        new("source", "string", true, Description: "Where its figures usually come from"),
    ], ["code"]);

    public static readonly DataPackage.Table Datasets = new("datasets", "Datasets published in the library",
    [
        new("id", "string", true, "uuid"),
        new("name", "string", true),
        new("publisher", "string", true),
        new("rows", "integer", true),
        new("published", "datetime", true),
        new("updated", "datetime", true),
        new("url", "string", true, "uri", "The dataset's own file, byte for byte as it was imported"),
    ], ["id"]);

    public static readonly DataPackage.Table Values = new("values", "Indicator values per territory and year",
    [
        new("dataset", "string", true, "uuid"),
        new("row", "integer", true, Description: "Its row in the dataset's file (the header is row 1)"),
        new("indicator", "string", true),
        new("country", "string", true, Description: "ISO 3166-1 alpha-2"),
        new("territory_code", "string", Description: "The place's official code in its country; empty for the whole country"),
        new("territory_name", "string"),
        new("year", "integer", true),
        new("value", "number", true),
        new("source", "string", true),
        new("source_date", "date", true),
        new("licence", "string", true, Description: "SPDX licence identifier"),
    ], ["dataset", "row"], new DataPackage.ForeignKey("dataset", "datasets", "id"), new DataPackage.ForeignKey("indicator", "definitions", "code"));

    public static readonly IReadOnlyList<DataPackage.Table> Tables = [Definitions, Datasets, Values];

    public static string Descriptor(string homepage, DateTime updated, IEnumerable<string> licences) =>
        DataPackage.Package("financebuilder-territorial-indicators", "Territorial indicators",
            "Indicators of local territories (population, emissions, exposure to climate hazards, green areas…) shared by the local governments and agencies of FinanceBuilder, each value with its source, date and licence.",
            homepage, updated, licences.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(DataPackage.Licence), Tables);

    public static string DefinitionRow(IndicatorDefinition d) => DataPackage.Line(
    [
        d.Code, d.TitleEn, d.TitleFr, d.UnitEn, d.UnitFr, d.Decimals.ToString(CultureInfo.InvariantCulture),
        d.Min?.ToString(CultureInfo.InvariantCulture), d.Max?.ToString(CultureInfo.InvariantCulture), d.Trend.ToString().ToLowerInvariant(),
        d.IrmfCore is { } core ? ((int)core + 1).ToString(CultureInfo.InvariantCulture) : null, d.MethodEn, d.MethodFr, d.Source,
    ]);

    public static string DatasetRow(Guid id, string name, string publisher, int rows, DateTime published, DateTime updated, string url) => DataPackage.Line(
    [
        id.ToString(), name, publisher, rows.ToString(CultureInfo.InvariantCulture), IatiActivities.Stamp(published), IatiActivities.Stamp(updated), url,
    ]);

    public static string ValueRow(Guid dataset, int row, string indicator, string country, string territoryCode, string territoryName, int year,
        string value, string source, DateOnly sourceDate, string licence) => DataPackage.Line(
    [
        dataset.ToString(), row.ToString(CultureInfo.InvariantCulture), indicator, country, territoryCode, territoryName,
        year.ToString(CultureInfo.InvariantCulture), value, source, sourceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), licence,
    ]);
}
