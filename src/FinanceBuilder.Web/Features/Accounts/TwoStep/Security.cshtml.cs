using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// Everyone's own two-step sign-in: set it up with an authenticator app (scan the QR code or type
/// the key, then confirm with a code), see the ten recovery codes once, make new ones, or switch
/// it off — not when it is required (platform administrators; members of an organisation that
/// requires it). Every change asks for a current code, and renews the security stamp, which ends
/// a half-done sign-in elsewhere; the change is in the platform's audit trail.
[Authorize(Policy = Policies.SignedIn)]
public sealed class SecurityPage(UserManager<UserAccount> users, AccessScope access, IOptions<FinanceBuilderOptions> settings, FinanceBuilderDbContext db, TimeProvider clock) : PageModel
{
    public const string Path = "/account/security";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool SentHere { get; private set; }
    public string? Key { get; private set; }
    public string? QrSvg { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool required, string? done)
    {
        SentHere = required;
        Notice = done is "off" ? "TwoStep.DoneOff" : null;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await MeAsync();
        if (user.TwoFactorEnabled)
            return await ShowAsync();
        if (await WrongCodeAsync(user, code) is { } wrong)
            return await RefuseAsync(wrong);
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorCodes.RecoveryCodeCount))!.ToList();
        Notice = "TwoStep.DoneOn";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostCodesAsync(string? code)
    {
        var user = await MeAsync();
        if (!user.TwoFactorEnabled)
            return await RefuseAsync("TwoStep.Wrong");
        if (await WrongCodeAsync(user, code) is { } wrong)
            return await RefuseAsync(wrong);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorCodes.RecoveryCodeCount))!.ToList();
        Notice = "TwoStep.DoneCodes";
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? code)
    {
        var user = await MeAsync();
        if (await IsRequiredAsync(user))
            return await RefuseAsync("TwoStep.CannotSwitchOff");
        if (!user.TwoFactorEnabled)
            return await RefuseAsync("TwoStep.Wrong");
        if (await WrongCodeAsync(user, code) is { } wrong)
            return await RefuseAsync(wrong);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the app's old entry stops working, and setting up again starts afresh.
        await users.ResetAuthenticatorKeyAsync(user);
        return Redirect(Path + "?done=off");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var user = await MeAsync();
        Enabled = user.TwoFactorEnabled;
        Required = await IsRequiredAsync(user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }
        // The key exists from the first visit on: the code typed to confirm is checked against it.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = TwoFactorCodes.Readable(key!);
        QrSvg = TwoFactorCodes.QrSvg(TwoFactorCodes.AppUri("FinanceBuilder", user.Email ?? user.UserName ?? "", key!));
        return Page();
    }

    private async Task<IActionResult> RefuseAsync(string key)
    {
        Error = key;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync();
    }

    private async Task<bool> IsRequiredAsync(UserAccount user) =>
        (user.IsPlatformAdmin && settings.Value.TwoFactor.RequiredForPlatformAdmins)
        || (await db.Organisations.FindAsync(user.OrganisationId))?.RequireTwoFactor == true;

    private async Task<UserAccount> MeAsync() => (await users.FindByIdAsync(access.UserId!.Value.ToString()))!;

    /// A change asks for the app's code (a recovery code is for signing in without the phone);
    /// null when it is right and not used before.
    private async Task<string?> WrongCodeAsync(UserAccount user, string? code) =>
        await TwoFactorCodes.CheckAsync(users, db, clock, user, code, recoveryCodes: false, HttpContext.RequestAborted) switch
        {
            TwoFactorCodes.Check.Right => null,
            TwoFactorCodes.Check.Used => "TwoStep.Used",
            _ => "TwoStep.Wrong",
        };
}
