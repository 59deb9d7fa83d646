using System.Globalization;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Accounts;

/// "Forgot your password": the same answer whether or not the address has an account (no
/// enumeration); an account gets a link valid 2 hours, by the configured email sender.
[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.EmailLimit)]
public sealed class ForgotPasswordPage(UserManager<UserAccount> users, IEmailSender sender, PublicLinks links, Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings, ILogger<ForgotPasswordPage> logger) : PageModel
{
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken ct)
    {
        // The answer takes the same time whether or not a message was written (no enumeration
        // by timing): every post is padded to the sign-in page's minimum refusal time.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await SendIfAccountAsync(email, ct);
        await RefusalTime.PadAsync(started, settings.Value, ct);
        Sent = true;
        return Page();
    }

    private async Task SendIfAccountAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256)
            return;
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.DisabledAt is not null)
        {
            logger.LogInformation("Password reset asked for an address without an enabled account");
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = links.To($"/account/reset-password/{user.Id}?token={Uri.EscapeDataString(token)}");
        var culture = CultureInfo.CurrentUICulture;
        var T = AccountText.Texts;
        await sender.SendAsync(new OutgoingEmail(user.Email!, T.Get("ResetEmailSubject", culture), string.Format(culture, T.Get("ResetEmailBody", culture), user.DisplayName, link)), ct);
    }
}
