namespace FinanceBuilder.Web.Features.Accounts;

/// Where the app speaks to the person who started it, apart from the log: the terminal, or what
/// the service manager keeps of it. What the operator needs once and nobody else should read
/// later — the first set-up link — is written here, never through ILogger (issue 19).
public sealed class OperatorConsole(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
