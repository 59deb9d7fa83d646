using Mediator;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Said when a year's report is marked sent to the funder, or reopened, once the round is saved
/// and before its transaction commits: what others show of the reports sent (the catalogue's
/// published progress) follows in the same transaction, or not at all. Monitoring says it without
/// knowing who listens, so the catalogue, which reads monitoring, is never read back from here.
public sealed record ReportMarked(Guid ProposalId, int Year, bool Sent) : INotification;
