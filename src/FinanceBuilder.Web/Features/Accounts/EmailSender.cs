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

/// Writes each message to the log and to a file in data/outbox/, so an installation without a
/// mail server still works: the administrator forwards the link by hand.
public sealed class OutboxEmailSender(Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public string Folder { get; } = Path.Combine(settings.Value.DataFolder(Directory.GetCurrentDirectory()), "outbox");

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var now = clock.GetUtcNow();
        var file = Path.Combine(Folder, $"{now.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.txt");
        var text = $"To: {email.To}\nDate: {now:R}\nSubject: {email.Subject}\n\n{email.Body}\n";
        await File.WriteAllTextAsync(file, text, cancellationToken);
        logger.LogInformation("Email to {To} written to {File}:\n{Subject}\n{Body}", email.To, file, email.Subject, email.Body);
    }
}
