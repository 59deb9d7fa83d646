using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Collaboration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FinanceBuilder.Web.Features.Collaboration;

/// Every save of a proposal writes who changed what and when, in the same transaction as the
/// change: created, one "edited" event per changed section with a before/after summary, deleted.
/// It sits under the DbContext, so the wizard, autosave, the API, imports and the command line
/// are all recorded without any of them remembering to. A change to a submitted proposal makes
/// it a draft again (the submitted version stays frozen in its snapshot).
public sealed class AuditTrail(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is FinanceBuilderDbContext db)
            Record(db);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FinanceBuilderDbContext db)
            Record(db);
        return base.SavingChanges(eventData, result);
    }

    private void Record(FinanceBuilderDbContext db)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var events = new List<AuditEvent>();
        foreach (var entry in db.ChangeTracker.Entries<ProposalRecord>().ToList())
        {
            var proposal = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    events.Add(Event(db, proposal, now, "created", null, proposal.Title ?? ""));
                    break;
                case EntityState.Modified when entry.Property(p => p.IsDeleted).IsModified && proposal.IsDeleted:
                    events.Add(Event(db, proposal, now, "deleted", null, proposal.Title ?? ""));
                    break;
                case EntityState.Modified when entry.Property(p => p.Document).IsModified:
                    var before = entry.Property(p => p.Document).OriginalValue;
                    var sections = ProposalDiff.Compare(before, proposal.Document);
                    if (sections.Count > 0 && proposal.Status == ProposalStatus.Submitted)
                        proposal.Status = ProposalStatus.Draft;
                    events.AddRange(sections.Select(s => Event(db, proposal, now, "edited", s.Section, ProposalDiff.Serialize(s))));
                    break;
            }
        }
        db.AuditEvents.AddRange(events);
    }

    private static AuditEvent Event(FinanceBuilderDbContext db, ProposalRecord proposal, DateTime now, string action, string? section, string summary) =>
        Event(db.Access, proposal.Id, proposal.OwnerOrganisationId, now, action, section, summary);

    /// One event of the trail, by whoever the request is (or "FinanceBuilder" for the system's
    /// own work); the summary is cut to what the column holds. Used by every writer of the trail:
    /// saves here, comments, submissions and sharing.
    public static AuditEvent Event(AccessScope access, Guid proposalId, Guid organisationId, DateTime now, string action, string? section, string summary) => new()
    {
        ProposalId = proposalId,
        OrganisationId = organisationId,
        UserId = access.UserId,
        UserName = access.IsSignedIn ? access.UserName : "FinanceBuilder",
        At = now,
        Action = action,
        Section = section,
        Summary = summary.Length > 4000 ? summary[..3999] + "…" : summary,
    };
}
