using FinanceBuilder.Web.Features.Proposals;
using Mediator;

namespace FinanceBuilder.Web.Cli.Batch;

/// A proposal's JSON, read from its file or from the database as the acting account sees it.
/// A stored proposal keeps its scope open (its pictures and files are read through it).
public sealed class ProposalSource : IAsyncDisposable
{
    /// The largest proposal file, as the web import allows by default (Limits:MaxProposalBytes).
    public static readonly long MaxFileBytes = new Configuration.FinanceBuilderOptions().Limits.MaxProposalBytes;

    private ProposalSource(string json, AsyncServiceScope? scope)
    {
        Json = json;
        Scope = scope;
    }

    public string Json { get; }

    /// The acting account's scope for a stored proposal; null for a file.
    public AsyncServiceScope? Scope { get; }

    public static async Task<ProposalSource> OpenAsync(BatchInput input, CliHost host, string? actAs, CliSession session, CancellationToken ct)
    {
        if (input.File is { } file)
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
                throw new CliException(ExitCodes.BadInput, session.Text("Cli.FileTooLarge", MaxFileBytes / 1_048_576));
            return new ProposalSource(await File.ReadAllTextAsync(file, ct), null);
        }
        var id = input.Id ?? throw new CliException(ExitCodes.BadInput, session.Text("Cli.NoSuchInput"));
        var scope = await host.ActingAsAsync(actAs);
        try
        {
            var found = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetProposal.Query(id), ct)
                ?? throw new CliException(ExitCodes.BadInput, Localization.Messages.Format(session.Culture, "NotFound"));
            return new ProposalSource(found.Document, scope);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Scope is { } scope)
            await scope.DisposeAsync();
    }
}
