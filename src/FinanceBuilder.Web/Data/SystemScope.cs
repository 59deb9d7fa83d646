namespace FinanceBuilder.Web.Data;

/// A service scope whose database context acts as the machine (sees every organisation): start-up
/// work, and the file store below tenancy. Never for work done on behalf of a request's user.
public static class SystemScope
{
    public static AsyncServiceScope Create(IServiceProvider services, out FinanceBuilderDbContext db) =>
        Create(services.GetRequiredService<IServiceScopeFactory>(), out db);

    public static AsyncServiceScope Create(IServiceScopeFactory scopes, out FinanceBuilderDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
        db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
        return scope;
    }
}
