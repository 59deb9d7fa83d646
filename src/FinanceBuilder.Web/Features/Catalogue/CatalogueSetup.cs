using System.Threading.RateLimiting;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Catalogue;

public static class CatalogueSetup
{
    /// The public pages' and API's limit per address (Catalogue:PublicRequestsPerMinute): generous
    /// for a reader, a wall for a scraper hammering the search.
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure(options =>
            options.AddPolicy(PublicCaching.RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(SignInThrottle.AddressOf(context), _ =>
                new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Catalogue.PublicRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })));
        return services;
    }
}
