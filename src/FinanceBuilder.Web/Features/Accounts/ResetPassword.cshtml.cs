using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Accounts;

/// A new password from a reset link. It ends every open session of the account (ASVS 7.4.3)
/// and lifts a lockout; the person then signs in with it.
[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.SignInLimit)]
public sealed class ResetPasswordPage(UserManager<UserAccount> users, FinanceBuilderDbContext db, TimeProvider clock) : PageModel
{
    public string? Token { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet(string? token) => Token = token;

    public async Task<IActionResult> OnPostAsync(Guid userId, string? token, string? password, CancellationToken ct)
    {
        Token = token;
        var problems = NewAccounts.PasswordProblems(password).ToList();
        if (problems.Count > 0)
        {
            Errors = problems;
            return Page();
        }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.DisabledAt is not null || string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            Errors = [AccountText.Texts["LinkExpired"]];
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, password!);
        if (!result.Succeeded)
        {
            Errors = result.Errors.Select(e => NewAccounts.Message(e.Code)).Distinct().ToList();
            return Page();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AccountSignIn.EndAllSessionsAsync(db, user.Id, clock.GetUtcNow().UtcDateTime, ct);
        return LocalRedirect("/account/sign-in?done=reset");
    }
}
