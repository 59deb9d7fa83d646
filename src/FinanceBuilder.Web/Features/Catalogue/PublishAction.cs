using System.Globalization;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Proposals.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// "Publish" makes the action's current record public as its next revision, or "Withdraw" takes
/// it down. Each writes the public row, the search index, the organisation's record and the
/// publication log in one transaction. Only an editor or administrator of the organisation
/// reaches it (the pages' policy), and only for an action the tenancy filter lets them see.
public static class PublishAction
{
    /// <param name="SeenVersion">The record's version the publisher saw previewed: publishing
    /// refuses a record saved since (someone edited it in between), so nothing goes public
    /// unseen; null publishes the current record (withdrawing needs no preview).</param>
    public sealed record Command(Guid ActionId, bool Withdraw, CultureInfo Culture, int? SeenVersion = null) : IRequest<Result>;

    public enum Outcome { Published, Withdrawn, NotFound, Incomplete, NotPublished, ChangedSincePreview }

    public sealed record Result(Outcome Outcome, int? Revision = null, IReadOnlyList<string>? Problems = null);

    /// What an action needs before anyone else reads it: a title, a summary, a country.
    public static IReadOnlyList<string> Missing(CatalogueAction action, CultureInfo culture)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(action.Title))
            missing.Add(CatalogueText.Texts.Get("Publish.NeedsTitle", culture));
        if (string.IsNullOrWhiteSpace(action.Summary))
            missing.Add(CatalogueText.Texts.Get("Publish.NeedsSummary", culture));
        if (string.IsNullOrWhiteSpace(action.CountryCode))
            missing.Add(CatalogueText.Texts.Get("Publish.NeedsCountry", culture));
        missing.AddRange(ProposalInputCheck.CheckNode(action, culture).Select(e => e.Message));
        return missing;
    }

    public sealed class Handler(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock, TerritoryCounts counts) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var record = await db.CatalogueActions.FirstOrDefaultAsync(a => a.Id == request.ActionId, cancellationToken);
            if (record is null)
                return new Result(Outcome.NotFound);
            var now = clock.GetUtcNow().UtcDateTime;
            var published = await db.PublishedActions.FirstOrDefaultAsync(p => p.Id == record.Id, cancellationToken);
            var action = ActionJson.FromStored(record.Document);
            ActionPublication entry;
            if (request.Withdraw)
            {
                if (published is null || published.WithdrawnAt is not null)
                    return new Result(Outcome.NotPublished);
                PublicProjection.Withdraw(published, now);
                record.PublishedRevision = null;
                record.PublishedAt = null;
                entry = Log(record, now, "withdrawn", published.Revision, []);
            }
            else
            {
                if (request.SeenVersion is { } seen && seen != record.Version)
                    return new Result(Outcome.ChangedSincePreview);
                if (Missing(action, request.Culture) is { Count: > 0 } problems)
                    return new Result(Outcome.Incomplete, Problems: problems);
                if (published is null)
                {
                    published = new PublishedAction { Id = record.Id, OrganisationId = record.OrganisationId, FirstPublishedAt = now };
                    db.PublishedActions.Add(published);
                }
                var publisher = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => new { o.Name, o.IatiIdentifier }).FirstAsync(cancellationToken);
                await ActionProgress.FillAsync(db, record.ProposalId, action, cancellationToken);
                await ActionParticipation.FillAsync(db, record.ProposalId, action, cancellationToken);
                PublicProjection.Apply(published, action, publisher.Name, now);
                published.ReportingOrgRef = publisher.IatiIdentifier;
                published.Revision++;
                record.PublishedRevision = published.Revision;
                record.PublishedAt = now;
                entry = Log(record, now, "published", published.Revision, PublicProjection.FilledFields(action));
            }
            db.ActionPublications.Add(entry);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await CatalogueIndex.WriteAsync(db, published, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // The countries of the search's filter, the map and the territories list count it at once.
            counts.Forget();
            return new Result(request.Withdraw ? Outcome.Withdrawn : Outcome.Published, published.Revision);
        }

        private ActionPublication Log(CatalogueActionRecord record, DateTime now, string kind, int revision, IReadOnlyList<string> fields) =>
            Entry(access, record.Id, record.OrganisationId, now, kind, revision, fields);
    }

    /// A line of the publication log: who made which revision public (or withdrew it, or
    /// refreshed its progress), when, and which fields it held.
    public static ActionPublication Entry(AccessScope access, Guid actionId, Guid organisationId, DateTime at, string kind, int revision, IEnumerable<string> fields) => new()
    {
        ActionId = actionId,
        OrganisationId = organisationId,
        UserId = access.UserId,
        UserName = access.UserName,
        At = at,
        Kind = kind,
        Revision = revision,
        Fields = string.Join(';', fields),
    };
}
