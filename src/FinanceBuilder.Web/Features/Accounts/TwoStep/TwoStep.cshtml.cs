using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// The second step of signing in: the code of the authenticator app (or a recovery code), for
/// the account whose password was just accepted (PendingSecondStep). Without a pending step,
/// back to the sign-in page.
[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.SignInLimit)]
public sealed class TwoStepPage(AccountSignIn signIn, PendingSecondStep pending) : PageModel
{
    public const string Path = "/account/two-step";

    public bool Failed { get; private set; }
    /// The code was right but was used already (within its two and a half minutes).
    public bool Used { get; private set; }
    public bool Throttled { get; private set; }
    public int RetryMinutes { get; private set; }

    /// No password step in progress (it took over five minutes, or the browser lost its cookie).
    public bool Expired { get; private set; }

    public IActionResult OnGet()
    {
        Expired = pending.Read(Request) is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        if (pending.Read(Request) is not { } step)
        {
            Expired = true;
            return Page();
        }
        var result = await signIn.CodeAsync(step.UserId, step.SecurityStamp, code, ct);
        switch (result.Outcome)
        {
            case AccountSignIn.Outcome.SignedIn:
                pending.End(Response);
                return LocalRedirect(step.ReturnUrl);
            case AccountSignIn.Outcome.Throttled:
                Throttled = true;
                RetryMinutes = SignInThrottle.AnswerThrottled(Response, result.RetryAfter);
                return Page();
            default:
                Failed = true;
                Used = result.Outcome == AccountSignIn.Outcome.CodeUsed;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
        }
    }
}
