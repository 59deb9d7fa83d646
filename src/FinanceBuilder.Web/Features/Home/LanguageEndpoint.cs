using FinanceBuilder.Web.Localization;
using Microsoft.AspNetCore.Localization;

namespace FinanceBuilder.Web.Features.Home;

/// The language links: remember the choice in the standard culture cookie and go back to the
/// page the user was on — only ever a page of this site (no open redirect).
public static class LanguageEndpoint
{
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language/{language}", (string language, string? returnUrl, HttpContext http) =>
        {
            var culture = Messages.CultureFor(language);
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(Accounts.LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
}
