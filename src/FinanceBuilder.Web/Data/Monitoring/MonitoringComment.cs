namespace FinanceBuilder.Web.Data.Monitoring;

/// A comment on a reporting round, by the donor or accredited entity the project is shared with
/// or by the team that reports. Both sides read all of them.
public sealed class MonitoringComment
{
    public Guid Id { get; set; }
    public Guid RoundId { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner, for the tenancy filter.
    public Guid OrganisationId { get; set; }
    public Guid AuthorOrganisationId { get; set; }
    public string AuthorOrganisationName { get; set; } = "";
    public Guid? AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
