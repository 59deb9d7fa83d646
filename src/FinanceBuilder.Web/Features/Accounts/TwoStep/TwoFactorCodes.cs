using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.RateLimits;
using Microsoft.AspNetCore.Identity;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// Identity's own two-step support (issue 19): an authenticator app's time-based codes (TOTP,
/// RFC 6238, the key kept in user_tokens) and ten one-time recovery codes (stored hashed by
/// Identity's store). This class only says how a typed code is read and how the key is shown.
public static class TwoFactorCodes
{
    public const int RecoveryCodeCount = 10;

    public enum Check { Right, Wrong, Used }

    /// "123 456", "123456" → an authenticator code; "ab1c2-d3e4f" → a recovery code (only where
    /// <paramref name="recoveryCodes"/>: signing in, not confirming a change of the settings).
    /// Each authenticator code is accepted once (RFC 6238 §5.2): someone who saw a code typed
    /// cannot use it again while it is still valid.
    public static async Task<Check> CheckAsync(UserManager<UserAccount> users, FinanceBuilderDbContext db, TimeProvider clock, UserAccount user, string? typed, bool recoveryCodes, CancellationToken ct)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0 || code.Length > 32)
            return Check.Wrong;
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
                return Check.Wrong;
            return await FirstUseAsync(db, clock, user.Id, code, ct) ? Check.Right : Check.Used;
        }
        if (!recoveryCodes)
            return Check.Wrong;
        // Identity's store deletes a recovery code as it redeems it: each works once by itself.
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded ? Check.Right : Check.Wrong;
    }

    /// Identity accepts a code from two 30-second steps before now to two after, two and a half
    /// minutes in all. An accepted code is counted in the shared counters (hashed with the
    /// account's id) in 5-minute windows; it is refused when this window or the one before already
    /// counted it, so a replay within its validity is refused on every node. The count in the
    /// current window is one atomic upsert: of two nodes accepting the same code at once, one wins.
    private static async Task<bool> FirstUseAsync(FinanceBuilderDbContext db, TimeProvider clock, Guid userId, string code, CancellationToken ct)
    {
        var key = $"totp-used:{userId:N}:{code}";
        var now = clock.GetUtcNow();
        var (inThisWindow, _) = await RateCounters.AddAsync(db, key, UsedCodeWindow, now, 1, ct);
        if (inThisWindow > 1)
            return false;
        var (inTwoWindows, _) = await RateCounters.SumAsync(db, key, UsedCodeWindow, UsedCodeWindow * 2, now, ct);
        return inTwoWindows <= 1;
    }

    private static readonly TimeSpan UsedCodeWindow = TimeSpan.FromMinutes(5);

    /// The key in groups of four, as people type it into an app that cannot scan.
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                text.Append(' ');
            text.Append(char.ToLowerInvariant(key[i]));
        }
        return text.ToString();
    }

    /// The otpauth:// address an authenticator app reads from the QR code.
    public static string AppUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// The QR code of that address, as an SVG drawn with paths only (no script, no style: the
    /// page's content security policy allows it inline).
    public static string QrSvg(string uri)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#000000", "#ffffff", drawQuietZones: true, QRCoder.SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
