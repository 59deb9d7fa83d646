using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinanceBuilder.Web.Tests.Security;

/// One-time links — the first set-up link, invitations, password resets — never reach the log
/// (issue 19): the operator reads the set-up link on the console, invitations and resets go to
/// the outbox. Every line the app logs at its configured levels is kept and searched for the
/// links' secrets.
public sealed partial class SecretsInLogsTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly LogCapture log = new();
    private readonly StringWriter console = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host;

    public SecretsInLogsTests() => host = app.WithWebHostBuilder(b => b
        .ConfigureLogging(l => l.AddProvider(log))
        .ConfigureTestServices(s => s.AddSingleton(new OperatorConsole(console))));

    public void Dispose()
    {
        host.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task SetUpInvitationAndResetLinks_AreNeverLogged()
    {
        // First start with no administrator: the link is on the console, the log only says so.
        _ = host.Services;
        var setup = await EventuallyAsync(() => LinkPattern().Match(console.ToString()));
        Assert.Contains(log.Lines, l => l.Contains("a one-time set-up link was printed on the console", StringComparison.Ordinal));

        // The first administrator uses it, then invites a colleague.
        using var admin = host.CreateBrowserClient();
        var form = await admin.GetStringAsync(setup.Groups["path"].Value);
        using (var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(form),
            ["organisationName"] = "Plateforme",
            ["kind"] = "PlanningAgency",
            ["displayName"] = "Chief",
            ["email"] = "chief@platform.test",
            ["password"] = TestAccounts.Password,
        }))
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(setup.Groups["path"].Value, post)).StatusCode);
        var invited = await admin.SubmitFormAsync("/organisation", "main form.invite-form", f => f.Set("email", "colleague@platform.test").Set("role", "Editor"));
        var invitation = LinkPattern().Match(await invited.Content.ReadAsStringAsync());
        Assert.True(invitation.Success, "the invitation link is shown to the person who invited");

        // Someone asks for a password reset.
        using var anyone = host.CreateBrowserClient();
        var forgot = await anyone.GetStringAsync("/account/forgot-password");
        using (var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(forgot),
            ["email"] = "chief@platform.test",
        }))
            await anyone.PostAsync("/account/forgot-password", post);

        var outbox = Directory.GetFiles(((OutboxEmailSender)host.Services.GetRequiredService<IEmailSender>()).Folder).Select(File.ReadAllText).ToList();
        var reset = outbox.Select(m => ResetPattern().Match(m)).Single(m => m.Success);
        Assert.Contains(outbox, m => m.Contains(invitation.Groups["token"].Value, StringComparison.Ordinal));

        var secrets = new[] { setup.Groups["token"].Value, invitation.Groups["token"].Value, Uri.UnescapeDataString(reset.Groups["token"].Value) };
        Assert.NotEmpty(log.Lines);
        Assert.Contains(log.Lines, l => l.Contains("written to the outbox", StringComparison.Ordinal));
        foreach (var secret in secrets)
            Assert.DoesNotContain(log.Lines, l => l.Contains(secret, StringComparison.Ordinal) || l.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
    }

    private static async Task<Match> EventuallyAsync(Func<Match> find)
    {
        for (var i = 0; i < 100; i++)
        {
            if (find() is { Success: true } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("no set-up link on the console");
    }

    [GeneratedRegex("https?://[^/\\s]+(?<path>/account/(?:setup|join)/(?<token>[A-Za-z0-9_-]{20,}))")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("/account/reset-password/[0-9a-f-]{36}\\?token=(?<token>[^\\s]+)")]
    private static partial Regex ResetPattern();

    /// Every line logged, formatted with its exception, at the levels the app's configuration lets
    /// through (the same filters apply to every provider).
    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Queue { get; } = new();
        public IReadOnlyList<string> Lines => [.. Queue];
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Queue.Enqueue($"{category}: {formatter(state, exception)} {exception} {(state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join(" ", values.Select(v => v.Value)) : "")}");
        }
    }
}
