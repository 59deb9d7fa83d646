using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// Published actions written straight into an app's database, with their search index, as the
/// publish command writes them: for tests of what the public reads, not of publishing itself
/// (PublishingTests go through the pages).
internal static class CatalogueSeed
{
    public static Guid PublishDirectly(this AppFactory app, CatalogueAction action, string publisher = "Commune", Guid? organisation = null, bool withdrawn = false)
    {
        using var db = app.OpenDb();
        var now = DateTime.UtcNow;
        var row = new PublishedAction { Id = Guid.CreateVersion7(), OrganisationId = organisation ?? Web.Data.AccessScope.WorkspaceOrganisationId, FirstPublishedAt = now, Revision = 1 };
        PublicProjection.Apply(row, action, publisher, now);
        if (withdrawn)
            PublicProjection.Withdraw(row, now);
        db.PublishedActions.Add(row);
        db.SaveChanges();
        CatalogueIndex.WriteAsync(db, row, CancellationToken.None).GetAwaiter().GetResult();
        return row.Id;
    }

    public static void WithdrawDirectly(this AppFactory app, Guid id)
    {
        using var db = app.OpenDb();
        var row = db.PublishedActions.Single(p => p.Id == id);
        PublicProjection.Withdraw(row, DateTime.UtcNow);
        db.SaveChanges();
        CatalogueIndex.WriteAsync(db, row, CancellationToken.None).GetAwaiter().GetResult();
    }
}
