using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FinanceBuilder.Web.Data;

// Used only by `dotnet ef migrations add`, to generate each provider's migrations:
//   dotnet ef migrations add <Name> -p src/FinanceBuilder.Web -c SqliteFinanceBuilderDbContext -o Data/Migrations/Sqlite
//   dotnet ef migrations add <Name> -p src/FinanceBuilder.Web -c PostgresFinanceBuilderDbContext -o Data/Migrations/Postgres

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFinanceBuilderDbContext>
{
    public SqliteFinanceBuilderDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFinanceBuilderDbContext>().UseSqlite("Data Source=design-time.db").Options, new AccessScope());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFinanceBuilderDbContext>
{
    public PostgresFinanceBuilderDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFinanceBuilderDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options, new AccessScope());
}
