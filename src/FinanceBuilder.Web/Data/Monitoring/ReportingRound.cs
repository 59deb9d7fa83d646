namespace FinanceBuilder.Web.Data.Monitoring;

/// One year's report of an approved project: the calendar year it covers and when it is due.
/// Marked sent when the organisation has sent the annual performance report to the funder.
public sealed class ReportingRound
{
    public Guid Id { get; set; }
    public Guid ApprovalId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Year { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime? SentAt { get; set; }
    public string? SentByName { get; set; }
}
