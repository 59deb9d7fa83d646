using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// Between the password and the code: who passed the password, when, and where to go after.
/// Kept in a cookie the server encrypted and signed (Data Protection, keys in the database, so
/// any node reads it), valid five minutes, bound to the account's security stamp — a password
/// reset or a change of two-step settings in between makes it worthless. No session exists
/// until the code is right.
public sealed class PendingSecondStep(IDataProtectionProvider protection, TimeProvider clock, string cookieName, bool secure)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector protector = protection.CreateProtector("FinanceBuilder.TwoStep.v1");


    public sealed record Pending(Guid UserId, string SecurityStamp, string ReturnUrl);

    public void Start(HttpResponse response, Guid userId, string securityStamp, string returnUrl)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = protector.Protect(string.Join('\n', userId.ToString(), securityStamp, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), returnUrl));
        response.Cookies.Append(cookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    public Pending? Read(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(cookieName, out var value) || string.IsNullOrEmpty(value))
            return null;
        try
        {
            var parts = protector.Unprotect(value).Split('\n');
            if (parts.Length != 4 || !Guid.TryParse(parts[0], out var user)
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || DateTimeOffset.FromUnixTimeSeconds(expires) < clock.GetUtcNow())
                return null;
            return new Pending(user, parts[1], LocalUrl.OrHome(parts[3]));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void End(HttpResponse response) =>
        response.Cookies.Delete(cookieName, new CookieOptions { Path = "/", Secure = secure, SameSite = SameSiteMode.Strict });


}
