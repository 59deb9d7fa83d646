using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Monitoring;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The organisation agreed to show the progress reported to the funder (ShowProgress, given when
/// it last published): when a report is marked sent, or reopened, the published action's results
/// take the years now sent at once, as a new revision, without waiting for the action to be
/// published again. Only the progress changes: the rest of the public record stays as published,
/// whatever the organisation has edited since (that waits for its own preview and publication).
public sealed class ProgressFollowsReports(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : INotificationHandler<ReportMarked>
{
    public async ValueTask Handle(ReportMarked notification, CancellationToken cancellationToken)
    {
        // The tenancy filter keeps this to the organisation's own actions drafted from the proposal.
        var records = await db.CatalogueActions.AsNoTracking().Where(a => a.ProposalId == notification.ProposalId && a.PublishedRevision != null).ToListAsync(cancellationToken);
        if (records.Count == 0)
            return;
        var ids = records.Select(r => r.Id).ToList();
        // Taken first, for the transaction's length: a report of another year marked at the same
        // moment (or a publication) waits here, then reads the rounds as that one left them, so
        // neither overwrites the other's years. (SQLite's transaction already holds its writer.)
        await db.PublishedActions.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Revision, p => p.Revision), cancellationToken);
        var rows = await db.PublishedActions.Where(p => ids.Contains(p.Id) && p.WithdrawnAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new List<PublishedAction>();
        foreach (var row in rows)
        {
            var action = ActionJson.FromStored(row.Document);
            if (!action.ShowProgress)
                continue;
            var before = ActionJson.Serialize(action);
            await ActionProgress.FillAsync(db, notification.ProposalId, action, cancellationToken);
            var after = ActionJson.Serialize(action);
            if (after == before)
                continue;
            row.Document = after;
            row.UpdatedAt = now;
            // A new revision, so a reader's cached copy (its ETag names the revision) is not kept.
            var revision = ++row.Revision;
            // Written past the record's version check: an edit in progress is not the publication's
            // business, and must not make marking the report sent fail.
            await db.CatalogueActions.Where(a => a.Id == row.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedRevision, revision).SetProperty(a => a.PublishedAt, now), cancellationToken);
            db.ActionPublications.Add(PublishAction.Entry(access, row.Id, row.OrganisationId, now, "progress", revision, ["results"]));
            changed.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        // The search lists newest first by the index row: rewritten with the new date, the
        // smallest id last when several share it (as IatiIdentifier does).
        foreach (var row in changed.OrderByDescending(p => CatalogueIndex.TieOrder(p.Id), StringComparer.Ordinal))
            await CatalogueIndex.WriteAsync(db, row, cancellationToken);
    }
}
