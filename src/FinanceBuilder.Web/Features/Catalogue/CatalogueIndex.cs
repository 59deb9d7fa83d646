using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The full-text index of published actions, in each database's own engine (ADR 0019).
/// PostgreSQL: the generated column published_actions.search_vector, made by the text-search
/// configuration of the action's language (fb_english, fb_french: unaccent, then the Snowball
/// stemmer), with a GIN index. SQLite: the FTS5 table published_actions_search, holding the same
/// terms made by SearchTerms. A query asks for every word, in any of its English or French forms.
public static class CatalogueIndex
{
    /// SQLite: the action's row of the FTS5 table, written in the same transaction as the action
    /// (PostgreSQL computes its column itself).
    public static async Task WriteAsync(FinanceBuilderDbContext db, PublishedAction action, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return;
        // The index row shares the action row's rowid: a match is found by rowid, the quickest
        // look-up SQLite has (350 → 25 ms for a word in 39,000 of 100,000 actions).
        var id = SqliteId(action.Id);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM published_actions_search WHERE rowid = (SELECT rowid FROM published_actions WHERE \"Id\" = {0})", [id], ct);
        if (action.WithdrawnAt is null)
            await db.Database.ExecuteSqlRawAsync("INSERT INTO published_actions_search (rowid, terms) SELECT rowid, {1} FROM published_actions WHERE \"Id\" = {0}",
                [id, SearchTerms.OfDocument(action.SearchText, action.Language)], ct);
    }

    /// The published actions that hold every word of the query (all of them when it has none).
    public static IQueryable<PublishedAction> Matching(FinanceBuilderDbContext db, IReadOnlyList<QueryWord> words)
    {
        if (words.Count == 0)
            return db.PublishedActions;
        if (db.Database.IsNpgsql())
        {
            // Only placeholders are put together here; the words go in as parameters.
            var clauses = words.Select((_, i) => $"(plainto_tsquery('fb_english', {{{i}}}) || plainto_tsquery('fb_french', {{{i}}}))");
#pragma warning disable EF1002
            return db.PublishedActions.FromSqlRaw(
                $"SELECT * FROM published_actions WHERE search_vector @@ ({string.Join(" && ", clauses)})",
                words.Select(w => (object)w.Text).ToArray());
#pragma warning restore EF1002
        }
        // The forms are letters, digits, '.' and '-' only (SearchTerms), so quoting them is enough.
        var match = string.Join(" AND ", words.Select(w => "(" + string.Join(" OR ", w.Forms.Select(f => "\"" + f + "\"")) + ")"));
        return db.PublishedActions.FromSqlRaw(
            "SELECT * FROM published_actions WHERE rowid IN (SELECT rowid FROM published_actions_search WHERE published_actions_search MATCH {0})", match);
    }

    /// How EF Core's SQLite provider writes a Guid: upper-case text.
    private static string SqliteId(Guid id) => id.ToString().ToUpperInvariant();
}
