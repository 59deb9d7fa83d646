namespace FinanceBuilder.Web.Data.Catalogue;

/// The log of the organisation's datasets: who imported, replaced or withdrew which file, when.
/// Private to the organisation, like its other records.
public sealed class IndicatorImport
{
    public long Id { get; set; }
    public Guid DatasetId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    /// imported, replaced, withdrawn
    public string Kind { get; set; } = "";
    public string? FileName { get; set; }
    public int RowCount { get; set; }
}
