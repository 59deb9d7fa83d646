using System.Data.Common;
using System.Net.Sockets;

namespace FinanceBuilder.Web.Cli;

/// The exceptions a command may meet that are the world's fault, not the program's, each with
/// its exit status and a one-line message. Anything else is a bug and keeps its stack trace.
public static class CliErrors
{
    public static (int ExitCode, string Message)? Classify(Exception exception)
    {
        switch (exception)
        {
            case CliException failure:
                return (failure.ExitCode, failure.Message);
            case Microsoft.Extensions.Options.OptionsValidationException invalid:
                // A wrong setting (FinanceBuilderOptions): which key, and what is wrong with it.
                return (ExitCodes.Usage, $"configuration: {string.Join("; ", invalid.Failures)}");
        }
        if (Storage(exception) is { } cause)
        {
            // The provider's own words say most (host, port, timeout): beside EF's, when it wrapped them.
            var detail = cause != exception ? cause : exception.InnerException;
            return (ExitCodes.StorageUnreachable, $"database: {exception.Message}{(detail is null ? "" : $" ({detail.Message})")}");
        }
        if (exception is IOException or UnauthorizedAccessException)
            return (ExitCodes.BadInput, exception.Message);
        return null;
    }

    /// The database's own failure in the exception or its causes (EF wraps the provider's).
    private static Exception? Storage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or SocketException)
                return e;
        }
        return null;
    }
}
