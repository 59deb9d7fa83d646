using System.Globalization;
using FinanceBuilder.Web.Configuration;

namespace FinanceBuilder.Web.Features.Accounts;

public sealed record OutgoingEmail(string To, string Subject, string Body);

/// How the app sends mail (invitations, password resets). Replace the registration to use a
/// mail server; the default works without one.
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// Writes each message to a file in data/outbox/ (readable by the app's own user only), so an
/// installation without a mail server still works: the administrator forwards the link by hand.
/// The log says a message was written, never its body: invitations and password resets carry
/// one-time links, and a log is read by more people, for longer, than a mailbox (issue 19).
public sealed class OutboxEmailSender(Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public string Folder { get; } = Path.Combine(settings.Value.DataFolder(Directory.GetCurrentDirectory()), "outbox");

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(Folder, $"{now.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.txt");
        var text = $"To: {email.To}\nDate: {now:R}\nSubject: {email.Subject}\n\n{email.Body}\n";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var writer = new StreamWriter(file, System.Text.Encoding.UTF8, options))
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        logger.LogInformation("Email \"{Subject}\" written to the outbox ({File})", email.Subject, Path.GetFileName(file));
    }
}
