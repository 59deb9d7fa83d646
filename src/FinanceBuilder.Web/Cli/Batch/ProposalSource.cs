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
            return new ProposalSource(System.Text.Encoding.UTF8.GetString(await ReadFileAsync(file, session, ct)), null);
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

    /// A proposal file's bytes; a missing or too large file is bad input (exit 3).
    public static async Task<byte[]> ReadFileAsync(string file, CliSession session, CancellationToken ct)
    {
        if (!File.Exists(file))
            throw new CliException(ExitCodes.BadInput, session.Text("Cli.NoSuchFile"));
        if (new FileInfo(file).Length > MaxFileBytes)
            throw new CliException(ExitCodes.BadInput, session.Text("Cli.FileTooLarge", MaxFileBytes / 1_048_576));
        return await File.ReadAllBytesAsync(file, ct);
    }

    /// A file the reader refused: its first problem, and how many more.
    public static string Refusal(IReadOnlyList<Proposals.Json.ProposalInputError> errors) =>
        errors[0].Message + (errors.Count > 1 ? $" (+{errors.Count - 1})" : "");

    public async ValueTask DisposeAsync()
    {
        if (Scope is { } scope)
            await scope.DisposeAsync();
    }
}
