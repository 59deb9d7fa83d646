using FinanceBuilder.Web.Data;

namespace FinanceBuilder.Web.Features.EntityDirectory;

/// Reads the current directory once for each wizard request, so that the page's questions,
/// the reading of its answers and the checks all use the same list.
public static class DirectoryMiddleware
{
    public static IApplicationBuilder UseEntityDirectory(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/proposals", StringComparison.Ordinal))
            {
                var services = context.RequestServices;
                AeDirectory.Use(await services.GetRequiredService<AeDirectory>().ReadAsync(services.GetRequiredService<FinanceBuilderDbContext>(), context.RequestAborted));
            }
            await next(context);
        });
}
