using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// SQLite's search index names each action by its rowid, which a VACUUM may renumber; the app
/// checks the index against the actions at start and rebuilds it when they disagree. (SQLite only:
/// PostgreSQL's index is a column of the action's own row.)
[Trait("Database", "SqliteOnly")]
public sealed class SearchIndexRepairTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AnIndexThatNoLongerMatchesTheActions_IsRebuilt_AndARightOneIsLeftAlone()
    {
        var drainage = app.PublishDirectly(new CatalogueAction { Title = "Storm drainage in Tamale", CountryCode = "GH" });
        var lighting = app.PublishDirectly(new CatalogueAction { Title = "Solar street lighting in Tamale", CountryCode = "GH" });
        var withdrawn = app.PublishDirectly(new CatalogueAction { Title = "Old drainage plan in Tamale", CountryCode = "GH" }, withdrawn: true);
        using var db = app.OpenDb();
        Assert.Null(await CatalogueIndex.RepairAsync(db, CancellationToken.None));

        // What a VACUUM may do: the action keeps its id, its row gets another rowid.
        await db.Database.ExecuteSqlRawAsync("UPDATE published_actions SET rowid = rowid + 1000 WHERE \"Id\" = {0}", drainage.ToString().ToUpperInvariant());
        Assert.DoesNotContain(drainage, await Found(db, "drainage"));

        Assert.Equal(2, await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        Assert.Equal([drainage], await Found(db, "drainage"));
        Assert.Equal([drainage, lighting], (await Found(db, "Tamale")).Order());
        Assert.DoesNotContain(withdrawn, await Found(db, "plan"));
        Assert.Null(await CatalogueIndex.RepairAsync(db, CancellationToken.None));

        // An index emptied by an upgrade of its table is filled again.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM published_actions_search");
        Assert.Empty(await Found(db, "Tamale"));
        Assert.Equal(2, await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        Assert.Equal(2, (await Found(db, "Tamale")).Count);

        // Actions published before their key to the index was kept (the migration that added it)
        // are given it: the walk of the title order finds them.
        await db.Database.ExecuteSqlRawAsync("UPDATE published_actions SET search_key = NULL");
        Assert.Equal(2, await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        var (byTitle, count) = (await CatalogueIndex.SearchAsync(db, SearchTerms.OfQuery("Tamale"), new CatalogueFilter(null, null, null, null, null, false, null),
            CatalogueSort.Title, 0, 20, CancellationToken.None, walkAbove: 0))!.Value;
        Assert.Equal(2, count);
        Assert.Equal([lighting, drainage], await byTitle.Select(p => p.Id).ToListAsync());
    }

    /// Published again, withdrawn, published once more: each write replaces the action's one row
    /// of the index (found by the key the action keeps), so the check at start finds nothing to
    /// mend and the search finds exactly the public actions.
    [Fact]
    public async Task PublishingAgainAndWithdrawing_KeepOneIndexRowPerPublicAction()
    {
        var drainage = app.PublishDirectly(new CatalogueAction { Title = "Storm drainage in Tamale", CountryCode = "GH" });
        var lighting = app.PublishDirectly(new CatalogueAction { Title = "Solar street lighting in Tamale", CountryCode = "GH" });
        using var db = app.OpenDb();
        async Task WriteAsync(Guid id, Action<Web.Data.Catalogue.PublishedAction> change)
        {
            var row = await db.PublishedActions.SingleAsync(p => p.Id == id);
            change(row);
            await db.SaveChangesAsync();
            await CatalogueIndex.WriteAsync(db, row, CancellationToken.None);
        }
        void Publish(Web.Data.Catalogue.PublishedAction row, string title) =>
            PublicProjection.Apply(row, new CatalogueAction { Title = title, CountryCode = "GH" }, "Commune", DateTime.UtcNow);

        await WriteAsync(drainage, row => Publish(row, "Storm drainage in Tamale, phase two"));
        Assert.Null(await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        Assert.Equal([drainage], await Found(db, "phase"));

        await WriteAsync(lighting, row => PublicProjection.Withdraw(row, DateTime.UtcNow));
        Assert.Null(await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        Assert.Equal([drainage], await Found(db, "Tamale"));

        await WriteAsync(lighting, row => Publish(row, "Solar street lighting in Tamale, again"));
        Assert.Null(await CatalogueIndex.RepairAsync(db, CancellationToken.None));
        Assert.Equal([lighting, drainage], await Found(db, "Tamale"));
        Assert.Equal(2L, await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM published_actions_search").SingleAsync());
    }

    private static async Task<List<Guid>> Found(Web.Data.FinanceBuilderDbContext db, string words)
    {
        var (page, _) = await CatalogueQuery.SearchAsync(db, SearchTerms.OfQuery(words), new CatalogueFilter(null, null, null, null, null, false, null),
            CatalogueSort.Updated, 0, 20, CancellationToken.None);
        return await page.Select(p => p.Id).ToListAsync();
    }
}
