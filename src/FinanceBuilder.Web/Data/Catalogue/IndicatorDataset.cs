namespace FinanceBuilder.Web.Data.Catalogue;

/// One file of territorial indicator values an organisation put in the shared library, as the
/// public sees it: who publishes it, its name, how many rows, and the file's layout (so that its
/// export is the file it was, byte for byte). Public by nature — no tenancy filter — and it holds
/// nothing private: who uploaded it is in IndicatorImport. A withdrawn dataset keeps its row
/// (its values are deleted) so its address answers 410 Gone.
public sealed class IndicatorDataset
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string PublisherName { get; set; } = "";
    /// The organisation's name for it ("Census 2021 — communes of Atlantique"); unique among its
    /// datasets, and importing a file under the same name replaces the values.
    public string Name { get; set; } = "";
    public int RowCount { get; set; }
    /// CsvLayout.Stored: "nobom,lf,final".
    public string Layout { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}
