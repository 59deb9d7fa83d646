namespace FinanceBuilder.Web.Data.Catalogue;

/// What the public sees of a published action: the record as it was published (never the
/// organisation's later edits until it publishes again), the columns the search filters and sorts
/// on, and the text the full-text index reads. An unpublished action keeps its row as a
/// tombstone (WithdrawnAt set, document and text emptied) so its address answers 410 Gone.
/// Public by nature, so it has no tenancy filter; it holds nothing that is not public.
public sealed class PublishedAction
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string PublisherName { get; set; } = "";
    /// The IATI identifier the organisation reports under (OrganisationRecord.IatiIdentifier) as
    /// it was at publication or when the organisation last changed it; null: the platform's own.
    public string? ReportingOrgRef { get; set; }
    /// 1 for the first publication, then one more for each.
    public int Revision { get; set; }
    public string Document { get; set; } = "";
    public string Language { get; set; } = "en";
    public string Title { get; set; } = "";
    public string? CountryCode { get; set; }
    public string? AdministrativeArea { get; set; }
    public string Status { get; set; } = "";
    /// Lists kept as ";Mitigation;Adaptation;" so a filter is one LIKE on both databases.
    public string Focus { get; set; } = ";";
    public string ResultAreas { get; set; } = ";";
    public string Hazards { get; set; } = ";";
    /// The communes' official codes, ";75056;13055;" (PublicProjection.Places).
    public string Places { get; set; } = ";";
    public bool SeeksFunding { get; set; }
    /// The whole cost in US dollars when it is known (GCF size bands are in USD).
    public decimal? TotalCostUsd { get; set; }
    public string? Size { get; set; }
    /// The licence the publisher chose (CcBy40, LicenceOuverte20).
    public string Licence { get; set; } = "";
    /// What the full-text index reads: titles, summaries, places (SQLite: published_actions_search;
    /// PostgreSQL: the search_vector column).
    public string SearchText { get; set; } = "";
    public DateTime FirstPublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
}
