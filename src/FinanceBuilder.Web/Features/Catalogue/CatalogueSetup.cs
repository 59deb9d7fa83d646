using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Catalogue;

public static class CatalogueSetup
{
    /// The public pages' and API's limit per address (Catalogue:PublicRequestsPerMinute): generous
    /// for a reader, a wall for a scraper hammering the search.
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.Configure<RateLimits.SharedRatePolicies>(p => p.Add(PublicCaching.RateLimit, new(
            sp => sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Catalogue.PublicRequestsPerMinute, TimeSpan.FromMinutes(1), SignInThrottle.AddressOf)));
        return services;
    }
}
