using System.Net;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Configuration;

/// The checks of FinanceBuilderOptions, each message starting with the key it is about, as an
/// administrator writes it in appsettings.json or the environment (FinanceBuilder__PublicUrl).
public sealed class FinanceBuilderOptionsValidator : IValidateOptions<FinanceBuilderOptions>
{
    /// Kestrel refuses bodies above 64 MB before our own limit could answer (FinanceBuilderApp).
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, FinanceBuilderOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Problems(FinanceBuilderOptions o)
    {
        const string S = FinanceBuilderOptions.Section + ":";
        if (!string.IsNullOrWhiteSpace(o.DataDirectory) && File.Exists(Path.GetFullPath(o.DataDirectory)))
            yield return $"{S}DataDirectory: '{o.DataDirectory}' is a file; it must name a folder (created if missing)";
        if (!string.IsNullOrWhiteSpace(o.TemplatesDirectory) && !Directory.Exists(Path.GetFullPath(o.TemplatesDirectory)))
            yield return $"{S}TemplatesDirectory: the folder '{Path.GetFullPath(o.TemplatesDirectory)}' does not exist";
        if (!string.IsNullOrWhiteSpace(o.PublicUrl)
            && !(Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0 && url.Fragment.Length == 0))
            yield return $"{S}PublicUrl: '{o.PublicUrl}' is not an absolute http:// or https:// address without query (such as https://finance.example.org)";
        for (var i = 0; i < o.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(o.KnownProxies[i], out _))
                yield return $"{S}KnownProxies:{i}: '{o.KnownProxies[i]}' is not an IP address (such as 10.0.0.5 or ::1)";
        }
        foreach (var problem in new[]
        {
            Range("Limits:MaxProposalBytes", o.Limits.MaxProposalBytes, 1024, MaxBodyBytes),
            // Tests lower it to 1,000 to sign in hundreds of times; production keeps Identity's 100,000.
            Range("Passwords:HashIterations", o.Passwords.HashIterations, 1_000, 10_000_000),
            Range("Sessions:IdleMinutes", o.Sessions.IdleMinutes, 1, 24 * 60),
            Range("Sessions:AbsoluteHours", o.Sessions.AbsoluteHours, 1, 30 * 24),
            Range("SignIn:FailuresPerAddress", o.SignIn.FailuresPerAddress, 1, 1_000_000),
            Range("SignIn:PostsPerMinute", o.SignIn.PostsPerMinute, 1, 1_000_000),
            Range("SignIn:MinimumFailureMilliseconds", o.SignIn.MinimumFailureMilliseconds, 0, 10_000),
            Range("Email:PerAddressPer15Minutes", o.Email.PerAddressPer15Minutes, 1, 10_000),
            Range("Memory:KeptProposalsMegabytes", o.Memory.KeptProposalsMegabytes, 0, 64 * 1024),
            Range("Annexes:MaxFileMegabytes", o.Annexes.MaxFileMegabytes, 1, 1024),
            Range("Participation:PostsPerAddressPerHour", o.Participation.PostsPerAddressPerHour, 1, 100_000),
            Range("Participation:AcknowledgeWorkingDays", o.Participation.AcknowledgeWorkingDays, 1, 60),
            Range("Participation:AnswerDays", o.Participation.AnswerDays, 1, 365),
            Range("Annexes:MaxProposalMegabytes", o.Annexes.MaxProposalMegabytes, o.Annexes.MaxFileMegabytes, 1024 * 1024),
            Range("Annexes:OrganisationQuotaMegabytes", o.Annexes.OrganisationQuotaMegabytes, o.Annexes.MaxProposalMegabytes, 64 * 1024 * 1024),
            Range("Catalogue:PublicRequestsPerMinute", o.Catalogue.PublicRequestsPerMinute, 1, 1_000_000),
            Range("Database:LockWaitMilliseconds", o.Database.LockWaitMilliseconds, 50, 60_000),
            Range("Shutdown:DrainSeconds", o.Shutdown.DrainSeconds, 0, 600),
            Range("Shutdown:TimeoutSeconds", o.Shutdown.TimeoutSeconds, 1, 3600),
        })
        {
            if (problem is not null)
                yield return S + problem;
        }
        if (o.Annexes.Store is not ("Database" or "Folder"))
            yield return $"{S}Annexes:Store: '{o.Annexes.Store}' is neither Database nor Folder";
        if (o.Sessions.IdleMinutes > o.Sessions.AbsoluteHours * 60)
            yield return $"{S}Sessions:IdleMinutes: {o.Sessions.IdleMinutes} minutes is longer than Sessions:AbsoluteHours ({o.Sessions.AbsoluteHours} h)";
    }

    private static string? Range(string key, long value, long minimum, long maximum) =>
        value < minimum || value > maximum ? $"{key}: {value} is outside {minimum} to {maximum}" : null;
}
