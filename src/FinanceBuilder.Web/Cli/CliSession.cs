using System.Globalization;
using FinanceBuilder.Web.App;
using Microsoft.Extensions.Logging.Console;

namespace FinanceBuilder.Web.Cli;

/// One run of the command line: where its output goes, the language of its messages and the
/// host settings (`--Key=value`) it passes to the app's configuration. Standard output carries
/// only the command's result; everything else (messages, logs) goes to standard error, so
/// `financebuilder validate x.json --format json | jq` always reads JSON.
public sealed class CliSession
{
    private CliSession(TextWriter output, TextWriter error, CultureInfo culture, string[] hostOptions, string[] arguments)
    {
        Out = output;
        Error = error;
        Culture = culture;
        HostOptions = hostOptions;
        Arguments = arguments;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    /// The language of messages and help: `--lang`, else the LANG environment variable, else English.
    public CultureInfo Culture { get; }

    /// `--Key=value` settings for the app's configuration (a key starts with a capital letter,
    /// e.g. `--ConnectionStrings:Postgres=…`); the command's own options are lower-case.
    public string[] HostOptions { get; }

    /// The command's words and options, without the host settings.
    public string[] Arguments { get; }

    public static CliSession Start(string[] args, TextWriter output, TextWriter error)
    {
        var hostOptions = args.Where(IsHostOption).ToArray();
        var arguments = args.Where(a => !IsHostOption(a)).ToArray();
        var lang = Environment.GetEnvironmentVariable("LANG");
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == "--lang" && i + 1 < arguments.Length)
                lang = arguments[i + 1];
            else if (arguments[i].StartsWith("--lang=", StringComparison.Ordinal))
                lang = arguments[i]["--lang=".Length..];
        }
        return new CliSession(output, error, Localization.Messages.CultureFor(lang), hostOptions, arguments);
    }

    private static bool IsHostOption(string arg) =>
        arg.Length > 3 && arg.StartsWith("--", StringComparison.Ordinal) && char.IsUpper(arg[2]) && arg.Contains('=', StringComparison.Ordinal);

    /// The app's services on the configured database, logging to standard error only.
    public WebApplication BuildHost()
    {
        var builder = FinanceBuilderApp.CreateBuilder(HostOptions);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Warnings and errors only, whatever appsettings.json says for the web app.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        return builder.Build();
    }

    public string Text(string key, params object?[] args) => Localization.Messages.Format(Culture, key, args);

    public string Count(string key, int count) => Localization.Messages.Count(Culture, key, count);

    /// Writes the one-line message on standard error and returns the exit status.
    public int Fail(int exitCode, string message)
    {
        Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
