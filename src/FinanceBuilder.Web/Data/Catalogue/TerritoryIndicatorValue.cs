namespace FinanceBuilder.Web.Data.Catalogue;

/// One value of the shared library: an indicator of a territory in a year, from a dataset, with
/// its source, the source's date and licence. The value is kept as written (ValueText, for a
/// byte-identical export) and as a number (Value, to sort and compare). Public, like its dataset.
/// A territory is a country (TerritoryCode empty) or a place in it by its official code.
public sealed class TerritoryIndicatorValue
{
    public long Id { get; set; }
    public Guid DatasetId { get; set; }
    /// The row of the file it came from (the header is row 1): the export keeps the file's order.
    public int Row { get; set; }
    public string IndicatorCode { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public string TerritoryCode { get; set; } = "";
    public string TerritoryName { get; set; } = "";
    public int Year { get; set; }
    public string ValueText { get; set; } = "";
    public decimal Value { get; set; }
    public string Source { get; set; } = "";
    public DateOnly SourceDate { get; set; }
    public string Licence { get; set; } = "";
}
