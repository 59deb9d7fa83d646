namespace FinanceBuilder.Web.Data.Catalogue;

/// The log of publishing: who published or withdrew which revision of an action, when, and which
/// fields went public. Private to the organisation, like its other records.
public sealed class ActionPublication
{
    public long Id { get; set; }
    public Guid ActionId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    /// published, withdrawn
    public string Kind { get; set; } = "";
    public int Revision { get; set; }
    /// The fields released, as their JSON names ("title;summary;communes").
    public string Fields { get; set; } = "";
}
