namespace FinanceBuilder.Web.Data.Collaboration;

/// Who changed what and when on a proposal: user, time, section, a before/after summary.
/// Rows are only ever added.
public sealed class AuditEvent
{
    public long Id { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner, so the same tenancy filter applies.
    public Guid OrganisationId { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    /// created, edited, imported, deleted, submitted, shared, unshared, comment…
    public string Action { get; set; } = "";
    /// The wizard section (step id) or top-level part of the proposal concerned, if any.
    public string? Section { get; set; }
    public string Summary { get; set; } = "";
}
