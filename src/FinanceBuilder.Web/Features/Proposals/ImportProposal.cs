using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;
using Mediator;

namespace FinanceBuilder.Web.Features.Proposals;

/// Import a proposal file as a new proposal of the current organisation (API POST and the
/// `import` command). Nothing is stored unless the whole file is valid.
public static class ImportProposal
{
    public sealed record Command(byte[] Json, CultureInfo Culture) : IRequest<Result>;

    public sealed record Result(ProposalSummary? Created, IReadOnlyList<ProposalInputError> Errors);

    public sealed class Handler(FinanceBuilderDbContext db, ProposalReader reader, TimeProvider clock, ProposalValidation validation) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var read = reader.Read(command.Json, command.Culture);
            if (!read.Succeeded)
                return new Result(null, read.Errors);

            var record = CreateProposal.New(db, clock, validation, read.Proposal!);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(ProposalSummary.From(record), []);
        }
    }
}
