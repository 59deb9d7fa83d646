using System.Diagnostics;
using FinanceBuilder.Web.Configuration;

namespace FinanceBuilder.Web.Features.Accounts;

/// Answers that must not say whether an account exists take at least the same time
/// (FinanceBuilder:SignIn:MinimumFailureMilliseconds, 400 by default: a whole sign-in takes about
/// 43 ms on the bench machine, so there is room for a loaded server): a refused sign-in (a known
/// account also writes its failure count) and "forgot your password" (a known account also gets
/// a token and an email).
public static class RefusalTime
{
    public static async Task PadAsync(long startedTimestamp, Configuration.FinanceBuilderOptions options, CancellationToken ct)
    {
        var floor = TimeSpan.FromMilliseconds(options.SignIn.MinimumFailureMilliseconds);
        var remaining = floor - Stopwatch.GetElapsedTime(startedTimestamp);
        if (remaining > TimeSpan.Zero)
            await Task.Delay(remaining, ct);
    }
}
