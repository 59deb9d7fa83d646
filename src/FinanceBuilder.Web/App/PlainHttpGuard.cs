using System.Globalization;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.App;

/// In Production the session and antiforgery cookies are Secure-only, so a page reached over
/// plain http could not set them and ASP.NET answered 500. Such a request now gets a plain page
/// (400) that says how to reach the site — over https, or through a proxy that says so — in the
/// reader's language. The health check still answers over http: load balancers probe that way.
public static class PlainHttpGuard
{
    public static IApplicationBuilder UsePlainHttpGuard(this WebApplication app, bool secureCookies)
    {
        if (!secureCookies || !app.Environment.IsProduction())
            return app;
        return app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
            {
                await next();
                return;
            }
            var culture = CultureInfo.CurrentUICulture;
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Messages.Format(culture, "PlainHttp", "https://" + context.Request.Host + context.Request.Path), context.RequestAborted);
        });
    }
}
