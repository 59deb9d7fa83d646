using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Monitoring;

/// One indicator of the monitoring plan, copied from the approved version's results framework
/// when the approval was recorded: later edits of the proposal never change what is reported
/// against.
public sealed class MonitoredIndicator
{
    public Guid Id { get; set; }
    public Guid ApprovalId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    /// The framework's order, kept for the screens and the report.
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public ResultLevel Level { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public decimal? BaselineValue { get; set; }
    public int? BaselineYear { get; set; }
    public decimal? MidTermTarget { get; set; }
    public decimal? FinalTarget { get; set; }
    public int? TargetYear { get; set; }
    public string? MeansOfVerification { get; set; }
    public Frequency? Frequency { get; set; }
    public IrmfCore? IrmfCore { get; set; }
    /// Counts people: each value is also given for women and men.
    public bool BySex { get; set; }
    /// A running total (beneficiaries reached, hectares under management): a year's value
    /// never falls below the year before.
    public bool Cumulative { get; set; }
}
