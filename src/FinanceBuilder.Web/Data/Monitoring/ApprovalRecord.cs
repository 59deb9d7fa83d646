namespace FinanceBuilder.Web.Data.Monitoring;

/// The funder's approval of one submitted version (docs/decisions/0021-monitoring-after-approval.md):
/// the Board meeting, the dates, the amounts approved by instrument and the reporting calendar.
/// Recorded once per proposal; the version's results framework was copied into the monitoring
/// plan (MonitoredIndicator) in the same save, and one reporting round per year with it.
public sealed class ApprovalRecord
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner, for the same tenancy filter as its submissions.
    public Guid OrganisationId { get; set; }
    public Guid SubmissionId { get; set; }
    /// V.00n of the approved version, copied so that lists never join the snapshot.
    public int SubmissionNumber { get; set; }
    /// As the funder writes it: "B.36".
    public string BoardMeeting { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
    /// The day the funded activity agreement took effect, once it has.
    public DateOnly? EffectiveOn { get; set; }
    /// The approved amounts by instrument, as JSON (Monitoring/ApprovedAmounts).
    public string ApprovedAmounts { get; set; } = "[]";
    /// The calendar years reported on: one round each.
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    /// A year's report is due this many days after 31 December (the agreement says how many).
    public int DueDaysAfterYearEnd { get; set; }
    /// The budget, co-financiers, action plans and risks of the approved version (ApprovedPlan).
    public string Plan { get; set; } = "";
    /// One more at each amendment: an amendment made on a page opened before another one was saved
    /// is refused rather than undoing it (the last write must not win unseen).
    public int Version { get; set; }
    public DateTime RecordedAt { get; set; }
    public Guid? RecordedByUserId { get; set; }
    public string RecordedByName { get; set; } = "";
}
