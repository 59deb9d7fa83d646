using System.Text;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// Identity's own two-step support (issue 19): an authenticator app's time-based codes (TOTP,
/// RFC 6238, the key kept in user_tokens) and ten one-time recovery codes (stored hashed by
/// Identity's store). This class only says how a typed code is read and how the key is shown.
public static class TwoFactorCodes
{
    public const int RecoveryCodeCount = 10;

    /// "123 456", "123456" → an authenticator code; "ab1c2-d3e4f" → a recovery code.
    public static async Task<bool> CheckAsync(UserManager<UserAccount> users, UserAccount user, string? typed)
    {
        var code = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0 || code.Length > 32)
            return false;
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
            return await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded;
    }

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
