using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The search answers read from the search indexes (SQLite's facets and newest-first order, the
/// walks of the title and cost indexes; PostgreSQL's facets column in its word index) are the
/// answers of the plain SQL filters and sorts, on 64 actions with every kind of filter value, empty
/// lists, no country, tied titles and costs: the same page, in the same order, and the same count.
/// test.sh runs the class on both databases.
public sealed class CatalogueIndexTests : IClassFixture<CatalogueIndexTests.Catalogue>
{
    private readonly Catalogue catalogue;

    public CatalogueIndexTests(Catalogue catalogue) => this.catalogue = catalogue;

    public static TheoryData<string, string?, ActionFocus?, ResultArea?, HazardType?, ActionStatus?, bool, SizeCategory?> Searches() => new()
    {
        { "", "SN", null, null, null, null, false, null },
        { "", null, ActionFocus.Adaptation, null, null, ActionStatus.InProgress, false, null },
        { "", null, null, ResultArea.A2, HazardType.Drought, null, true, null },
        { "", "bj", null, null, null, null, false, SizeCategory.Small },
        { "drainage", null, null, null, null, null, false, null },
        { "drainage", "SN", null, null, null, null, false, null },
        { "eau solaire", null, ActionFocus.Mitigation, null, null, null, false, null },
        { "energy", null, null, null, HazardType.Drought, null, true, null },
        { "marché", "GH", ActionFocus.Adaptation, ResultArea.A4, null, ActionStatus.Abandoned, false, null },
        { "nothingmatches", null, null, null, null, null, false, null },
        { "drainage", "\"x", null, null, null, null, false, null },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task ASearch_GivesThePageAndCountOfThePlainSqlFiltersAndSorts(string words, string? country, ActionFocus? focus, ResultArea? area,
        HazardType? hazard, ActionStatus? status, bool funding, SizeCategory? size)
    {
        using var db = catalogue.App.OpenDb();
        var query = SearchTerms.OfQuery(words);
        var filter = new CatalogueFilter(country, focus, area, hazard, status, funding, size);
        foreach (var sort in Enum.GetValues<CatalogueSort>())
        {
            var reference = CatalogueQuery.Sorted(CatalogueQuery.Filter(CatalogueIndex.Matching(db, query).AsNoTracking(), filter), sort);
            var expectedCount = await CatalogueQuery.CountAsync(reference, CancellationToken.None);
            foreach (var skip in new[] { 0, 4 })
            {
                var (page, count) = await CatalogueQuery.SearchAsync(db, query, filter, sort, skip, 4, CancellationToken.None);

                Assert.Equal(expectedCount, count);
                var expected = await reference.Skip(skip).Take(4).Select(p => p.Title).ToListAsync();
                Assert.Equal(expected, await page.Select(p => p.Title).ToListAsync());

                // SQLite, by title or cost: past a thousand matches the order's index is walked
                // instead; asked to walk from the first match, it gives the same page.
                if (await CatalogueIndex.SearchAsync(db, query, filter, sort, skip, 4, CancellationToken.None, walkAbove: 0) is var (walked, walkedCount))
                {
                    Assert.Equal(expectedCount, walkedCount);
                    Assert.Equal(expected, await walked.Select(p => p.Title).ToListAsync());
                }
            }
        }
    }

    /// The fixture's filters are not all empty: each search above must find something for the
    /// comparison to mean anything, except the two that are meant to find nothing.
    [Fact]
    public async Task TheSearchesCompared_MostlyFindActions()
    {
        using var db = catalogue.App.OpenDb();
        var found = 0;
        foreach (var row in Searches())
        {
            var filter = new CatalogueFilter((string?)row[1], (ActionFocus?)row[2], (ResultArea?)row[3], (HazardType?)row[4], (ActionStatus?)row[5], (bool)row[6], (SizeCategory?)row[7]);
            var (_, count) = await CatalogueQuery.SearchAsync(db, SearchTerms.OfQuery((string)row[0]), filter, CatalogueSort.Updated, 0, 4, CancellationToken.None);
            found += count > 0 ? 1 : 0;
        }
        Assert.Equal(Searches().Count - 2, found);
    }

    /// Actions re-dated at the same instant (an organisation records its IATI identifier) come in
    /// the catalogue's order — the id breaks the tie — on every page, and still after SQLite's
    /// index is rebuilt.
    [Fact]
    public async Task ActionsReDatedTogether_ComeInTheCatalogueOrder_OnEveryPage()
    {
        using var app = new AppFactory();
        for (var i = 0; i < 7; i++)
            app.PublishDirectly(new CatalogueAction { Title = $"Drainage {i}", Summary = "x", CountryCode = "SN" });
        using var db = app.OpenDb();
        await Web.Features.Organisation.IatiIdentifier.SaveAsync(db, Web.Data.AccessScope.WorkspaceOrganisationId, "XM-DAC-41114", DateTime.UtcNow, CancellationToken.None);
        Assert.Single(await db.PublishedActions.Select(p => p.UpdatedAt).Distinct().ToListAsync());

        await AssertPagesAsync();
        if (!db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE published_actions SET search_key = NULL");
            Assert.Equal(7, await CatalogueIndex.RepairAsync(db, CancellationToken.None));
            await AssertPagesAsync();
        }

        async Task AssertPagesAsync()
        {
            var words = SearchTerms.OfQuery("drainage");
            var filter = new CatalogueFilter("SN", null, null, null, null, false, null);
            var expected = await CatalogueQuery.Sorted(CatalogueQuery.Filter(CatalogueIndex.Matching(db, words), filter), CatalogueSort.Updated)
                .Select(p => p.Title).ToListAsync();
            var pages = new List<string>();
            for (var skip = 0; skip < 7; skip += 2)
            {
                var (page, _) = await CatalogueQuery.SearchAsync(db, words, filter, CatalogueSort.Updated, skip, 2, CancellationToken.None);
                pages.AddRange(await page.Select(p => p.Title).ToListAsync());
            }
            Assert.Equal(expected, pages);
        }
    }

    /// Every action's filters are in the index as the words CatalogueFacets makes of them: SQLite's
    /// facets column, written by the app; PostgreSQL's generated facets column, made in SQL by the
    /// migration from the same stored columns — two writings of one rule, compared here.
    [Fact]
    public async Task EveryAction_HoldsTheWordsOfItsFilters()
    {
        using var db = catalogue.App.OpenDb();
        var actions = await db.PublishedActions.AsNoTracking().ToListAsync();
        Assert.Equal(64, actions.Count);
        foreach (var action in actions)
        {
            var indexed = db.Database.IsNpgsql()
                ? (await db.Database.SqlQueryRaw<string>("SELECT unnest(facets) AS \"Value\" FROM published_actions WHERE \"Id\" = {0}", action.Id).ToListAsync()).ToHashSet()
                : await CatalogueSearchTests.IndexedAsync(db, action, "facets");
            Assert.Equal(CatalogueFacets.Of(action).Split(' ').Distinct().Order(), indexed.Order());
        }
    }

    /// Sixty actions: every focus, result area, hazard, status, funding and size in turn, five
    /// countries, English and French words, each published after the other.
    public sealed class Catalogue : IDisposable
    {
        public AppFactory App { get; } = new();

        public Catalogue()
        {
            string[] countries = ["SN", "BJ", "GH", "FR", "KE"];
            string[] english = ["Storm drainage and energy", "Solar energy for the market", "Drainage of the market", "Water and energy"];
            string[] french = ["Drainage pluvial et eau", "Éclairage solaire du marché", "Eau potable solaire", "Drainage du marché"];
            for (var i = 0; i < 60; i++)
            {
                var fr = i % 2 == 1;
                var action = new CatalogueAction
                {
                    Language = fr ? Language.Fr : Language.En,
                    Title = $"{i:00} {(fr ? french : english)[i / 2 % 4]}",
                    Summary = fr ? "Une action de la commune." : "An action of the commune.",
                    CountryCode = countries[i % 5],
                    Focus = [Enum.GetValues<ActionFocus>()[i % 3], .. i % 4 == 0 ? [ActionFocus.Adaptation] : Array.Empty<ActionFocus>()],
                    ResultAreas = [Enum.GetValues<ResultArea>()[i % 8]],
                    Hazards = i % 6 == 5 ? [] : [Enum.GetValues<HazardType>()[i % 7], HazardType.Drought],
                    Status = Enum.GetValues<ActionStatus>()[i % 8],
                    TotalCost = i % 7 == 0 ? null : new Money { Amount = 500_000m * (i * i + 1), Currency = "USD" },
                    Funding = i % 3 == 0 ? [new ActionFunding { Source = "GCF", State = FundingState.Sought }] : [],
                };
                App.PublishDirectly(action, "Commune " + i);
            }
            // No country, no lists, no cost; then the same title three times and the same cost
            // three times, so that the id settles both orders.
            App.PublishDirectly(new CatalogueAction { Language = Language.En, Title = "Market drainage", Summary = "An action." }, "Commune 60");
            foreach (var (country, focus) in new[] { ("SN", ActionFocus.Adaptation), ("SN", ActionFocus.Mitigation), ("GH", ActionFocus.Adaptation) })
                App.PublishDirectly(new CatalogueAction
                {
                    Language = Language.En,
                    Title = country == "GH" ? "Water and energy" : "Market drainage",
                    Summary = "An action of the commune.",
                    CountryCode = country,
                    Focus = [focus],
                    TotalCost = new Money { Amount = 2_000_000m, Currency = "USD" },
                }, "Commune " + country);
        }

        public void Dispose() => App.Dispose();
    }
}
