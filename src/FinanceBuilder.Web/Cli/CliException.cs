namespace FinanceBuilder.Web.Cli;

/// Ends a command with an exit status and a one-line message on standard error.
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
