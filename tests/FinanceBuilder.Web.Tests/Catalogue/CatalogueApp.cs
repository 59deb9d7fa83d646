using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// One app for a class of catalogue tests: each test makes its own proposal and actions, so they
/// share the app (and its database, on PostgreSQL a database made and migrated per app).
public sealed class CatalogueApp : IDisposable
{
    public AppFactory App { get; } = new();

    public void Dispose() => App.Dispose();
}
