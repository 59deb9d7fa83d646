using FinanceBuilder.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinanceBuilder.Web.App;

/// /health answers 200 only when the database answers a query.
public sealed class DatabaseHealthCheck(FinanceBuilderDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("database answers")
                : HealthCheckResult.Unhealthy("database does not answer");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database does not answer");
        }
    }
}
