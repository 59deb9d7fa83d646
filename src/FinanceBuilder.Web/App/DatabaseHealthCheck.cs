using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinanceBuilder.Web.App;

/// Readiness (/health/ready, and /health as before): this node may be given requests — it is not
/// shutting down, the database answers a query, and the database has every migration this
/// build knows (a node started against a database another build has not migrated yet is not
/// ready). Liveness (/health/live) runs no check at all: the process answers.
public sealed class DatabaseHealthCheck(FinanceBuilderDbContext db, GracefulShutdown shutdown) : IHealthCheck
{

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (shutdown.Draining)
            return HealthCheckResult.Unhealthy("shutting down");
        try
        {
            // A query that reads the database itself: a connection opens on a damaged SQLite file,
            // and a pooled one may be handed out before the server is found gone. It fails (and
            // says "not ready") when the database does not answer or has no schema at all.
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"__EFMigrationsHistory\" LIMIT 1", cancellationToken);
            if (!shutdown.Migrated)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                if (pending > 0)
                    return HealthCheckResult.Unhealthy($"{pending} migrations not applied");
                shutdown.Migrated = true;
            }
            return HealthCheckResult.Healthy("database answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database does not answer");
        }
    }
}
