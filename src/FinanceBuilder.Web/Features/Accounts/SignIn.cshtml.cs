using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Accounts;

[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.SignInLimit)]
public sealed class SignInPage(AccountSignIn signIn, TwoStep.PendingSecondStep pending) : PageModel
{
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public bool Failed { get; private set; }
    public bool Throttled { get; private set; }
    public int RetryMinutes { get; private set; }
    public string? Notice { get; private set; }

    public void OnGet(string? returnUrl, string? done)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        Notice = done switch
        {
            "signed-out" => "SignedOut",
            "reset" => "PasswordWasReset",
            _ => null,
        };
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = LocalUrl.OrHome(returnUrl);
        Email = email?.Length > 256 ? email[..256] : email;
        var result = await signIn.PasswordAsync(Email ?? "", password ?? "", ct);
        switch (result.Outcome)
        {
            case AccountSignIn.Outcome.SignedIn:
                return LocalRedirect(ReturnUrl);
            case AccountSignIn.Outcome.SecondStep:
                pending.Start(Response, result.User!.Id, result.User.SecurityStamp ?? "", ReturnUrl);
                return LocalRedirect(TwoStep.TwoStepPage.Path);
            case AccountSignIn.Outcome.Throttled:
                Throttled = true;
                RetryMinutes = SignInThrottle.AnswerThrottled(Response, result.RetryAfter);
                return Page();
            default:
                Failed = true;
                return Page();
        }
    }
}
