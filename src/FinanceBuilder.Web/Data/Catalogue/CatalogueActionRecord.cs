namespace FinanceBuilder.Web.Data.Catalogue;

/// An organisation's catalogue action as it prepares it: private to the organisation (and the
/// agencies that support it) until published, and after. The public sees only PublishedAction.
public sealed class CatalogueActionRecord
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    /// The proposal it was drafted from, if any.
    public Guid? ProposalId { get; set; }
    /// The action record (Catalogue/Model/CatalogueAction) as JSON.
    public string Document { get; set; } = "";
    /// Kept with the document for the organisation's list.
    public string? Title { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// The revision now public, and when it was published; null when it is not public.
    public int? PublishedRevision { get; set; }
    public DateTime? PublishedAt { get; set; }
}
