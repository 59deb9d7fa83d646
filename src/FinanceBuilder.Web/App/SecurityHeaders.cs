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
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
                // Proposal text is not kept in shared or browser caches.
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/proposals"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}
