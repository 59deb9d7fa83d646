namespace FinanceBuilder.Web.Data;

/// One change of the accredited-entity directory by a platform administrator: an uploaded CSV
/// that replaced the list, or a return to the list shipped with the app. Rows are only added, so
/// the table is also the audit of who changed the directory, when, and to what.
public sealed class DirectoryVersion
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// "upload" or "reset".
    public string Action { get; set; } = "";
    public string? FileName { get; set; }
    public int EntryCount { get; set; }
    /// The uploaded file as it was checked; null for a reset.
    public string? Csv { get; set; }
}
