using FinanceBuilder.Web.Features.Catalogue;

namespace FinanceBuilder.Web.Features.Territories;

public static class TerritorySetup
{
    public static IServiceCollection AddTerritories(this IServiceCollection services) => services.AddSingleton<TerritoryCounts>();
}
