using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The catalogue's search on the database the suite runs on: test.sh runs this class on SQLite
/// (FTS5 over SearchTerms) and again on PostgreSQL (its own text search with fb_english and
/// fb_french), with the same expected answers — so both databases give the same results.
public sealed class CatalogueSearchTests : IClassFixture<CatalogueSearchTests.Catalogue>
{
    private readonly Catalogue catalogue;

    public CatalogueSearchTests(Catalogue catalogue) => this.catalogue = catalogue;

    [Theory]
    [InlineData("inondations", "A")]
    [InlineData("flood", "D")]
    [InlineData("solaire", "C")]
    [InlineData("solar", "B")]
    [InlineData("energie", "B C")]
    [InlineData("ÉNERGIE", "B C")]
    [InlineData("érosion", "D E")]
    [InlineData("Cotonou drainage", "A")]
    [InlineData("cotonou tamale", "")]
    [InlineData("co2", "B")]
    [InlineData("bien-être", "C")]
    [InlineData("Saint-Louis", "D")]
    [InlineData("eau potable", "E")]
    [InlineData("eau potable de la commune", "")]
    [InlineData("eau potable de la", "E")]
    [InlineData("de la", "A B C D E")]
    [InlineData("", "A B C D E")]
    public async Task AQuery_FindsTheActionsHoldingEachOfItsWords_InEnglishOrFrench(string query, string expected)
    {
        using var db = catalogue.App.OpenDb();

        var found = await CatalogueIndex.Matching(db, SearchTerms.OfQuery(query)).Where(p => p.WithdrawnAt == null).Select(p => p.Title).ToListAsync();

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), found.Select(t => t[..1]).Order());
    }

    [Fact]
    public async Task AWithdrawnAction_IsFoundByNoSearch()
    {
        using var db = catalogue.App.OpenDb();

        var found = await CatalogueIndex.Matching(db, SearchTerms.OfQuery("ancienne")).ToListAsync();

        Assert.All(found, p => Assert.NotNull(p.WithdrawnAt));
        Assert.Empty(await CatalogueQuery.Filter(CatalogueIndex.Matching(db, SearchTerms.OfQuery("ancienne")), new CatalogueFilter(null, null, null, null, null, false, null)).ToListAsync());
    }

    /// The index holds, for each action, exactly the terms SearchTerms makes of its text: on SQLite
    /// the FTS5 row written with it, on PostgreSQL the lexemes its own configuration made.
    [Fact]
    public async Task TheIndex_HoldsTheTermsSearchTermsMakes()
    {
        using var db = catalogue.App.OpenDb();
        foreach (var action in await db.PublishedActions.AsNoTracking().Where(p => p.WithdrawnAt == null).ToListAsync())
        {
            var expected = SearchTerms.OfDocument(action.SearchText, action.Language).Split(' ').ToHashSet();
            var indexed = db.Database.IsNpgsql()
                ? (await db.Database.SqlQueryRaw<string>("SELECT unnest(tsvector_to_array(search_vector)) AS \"Value\" FROM published_actions WHERE \"Id\" = {0}", action.Id).ToListAsync()).ToHashSet()
                : await IndexedAsync(db, action, "terms");
            Assert.True(expected.SetEquals(indexed), $"{action.Title}: expected {string.Join(' ', expected.Order())}, indexed {string.Join(' ', indexed.Order())}");
        }
    }

    /// SQLite: the words of one column of the action's index row. The index keeps no copy of its
    /// text (contentless): its vocabulary, read through an fts5vocab table, is what it holds.
    internal static async Task<HashSet<string>> IndexedAsync(Web.Data.FinanceBuilderDbContext db, Web.Data.Catalogue.PublishedAction action, string column)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words USING fts5vocab(main, published_actions_search, instance)");
        return (await db.Database.SqlQueryRaw<string>(
            "SELECT DISTINCT term AS \"Value\" FROM temp.search_words WHERE col = {1} AND doc = (SELECT rowid FROM published_actions_search WHERE action_id = {0})",
            action.Id.ToString().ToUpperInvariant(), column).ToListAsync()).ToHashSet();
    }

    /// Five actions, English and French, and one withdrawn.
    public sealed class Catalogue : IDisposable
    {
        public AppFactory App { get; } = new();

        public Catalogue()
        {
            Publish("A", Language.Fr, "BJ", "A — Drainage pluvial à Cotonou", "Réduire les inondations dans les quartiers de Cotonou grâce à des caniveaux.");
            Publish("B", Language.En, "GH", "B — Solar street lighting in Tamale", "LED lamps cut CO2 emissions and the energy bills of the markets.");
            Publish("C", Language.Fr, "BJ", "C — Éclairage public solaire à Dassa-Zoumè", "Des lampadaires solaires pour le bien-être des habitants et l'énergie de la commune.");
            Publish("D", Language.En, "SN", "D — Mangrove restoration in Saint-Louis", "Coastal erosion and flooding protection with mangroves.");
            Publish("E", Language.Fr, "SN", "E — Reboisement du bassin versant", "Protéger les sources d'eau potable contre l'érosion.");
            Publish("F", Language.Fr, "SN", "F — Ancienne action", "Une ancienne action retirée.", withdrawn: true);
        }

        private void Publish(string key, Language language, string country, string title, string summary, bool withdrawn = false) =>
            App.PublishDirectly(new CatalogueAction { Language = language, Title = title, Summary = summary, CountryCode = country }, "Commune " + key, withdrawn: withdrawn);

        public void Dispose() => App.Dispose();
    }
}
