using System.Text.Json;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Wizard;

/// A proposal of the current organisation, read for editing; null when it is not there for
/// this reader (missing, deleted or another organisation's — the pages answer 404 for all three).
public static class OpenProposal
{
    public sealed record Query(Guid Id) : IRequest<Result?>;

    /// <param name="OwnerOrganisationId">The organisation the proposal belongs to (for an agency,
    /// possibly one it supports): a copy stays with it.</param>
    public sealed record Result(ProposalSummary Summary, Proposal Proposal, Guid OwnerOrganisationId = default);

    public sealed class Handler(FinanceBuilderDbContext db) : IRequestHandler<Query, Result?>
    {
        public async ValueTask<Result?> Handle(Query query, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
            if (record is not null)
                PipelineMetrics.Parsed("open-proposal");
            return record is null ? null : new Result(ProposalSummary.From(record), JsonSerializer.Deserialize<Proposal>(record.Document, ProposalJson.Options)!, record.OwnerOrganisationId);
        }
    }
}

/// Saves a page's answers: the whole proposal document, only over the version the page was
/// read from (the database checks it again in the UPDATE, so two racing saves cannot both win).
public static class SaveAnswers
{
    public sealed record Command(Guid Id, int ExpectedVersion, Proposal Proposal) : IRequest<Result>;

    public enum Outcome { Saved, NotFound, Conflict }

    public sealed record Result(Outcome Outcome, ProposalSummary? Saved = null);

    public sealed class Handler(FinanceBuilderDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
            if (record is null)
                return new Result(Outcome.NotFound);
            if (record.Version != command.ExpectedVersion)
                return new Result(Outcome.Conflict);
            ProposalColumns.Write(record, command.Proposal);
            db.SaveAsNextVersion(record, command.ExpectedVersion, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Conflict);
            }
            return new Result(Outcome.Saved, ProposalSummary.From(record));
        }
    }
}
