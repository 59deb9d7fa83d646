namespace FinanceBuilder.Web.App;

/// Headers every response carries (reliability-tests T15). Pages use no inline script, so the
/// content security policy can stay strict.
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                // Pictures may also be data: addresses: the preview shows a proposal's pictures
                // inline (HtmlRenderer), the same bytes as the documents; a picture runs no script.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
                // HSTS only means something over HTTPS (browsers ignore it on plain HTTP, and a
                // development server on http://localhost must not pin itself).
                if (context.Request.IsHttps)
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                // What a signed-in person sees (proposals, reviews, names) and the account pages
                // (tokens, email addresses) are never kept in shared or browser caches, nor is the
                // JSON API. Static files of anonymous requests stay cacheable, and so does the
                // public catalogue's API (/api/public: its own validators, Catalogue/PublicCaching).
                var path = context.Request.Path;
                var privateApi = path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/public");
                if (context.User.Identity?.IsAuthenticated == true || privateApi
                    || path.StartsWithSegments("/proposals") || path.StartsWithSegments("/account"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}
