using System.Globalization;
using FinanceBuilder.Web.Catalogue.Search;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The full-text index of published actions, in each database's own engine (ADR 0019).
/// PostgreSQL: the generated column published_actions.search_vector, made by the text-search
/// configuration of the action's language (fb_english, fb_french: unaccent, then the Snowball
/// stemmer), with a GIN index. SQLite: the FTS5 table published_actions_search, holding the same
/// terms made by SearchTerms, the action's filters as words (CatalogueFacets), and which action
/// the row is (its rowid in published_actions and its id). A query asks for every word, in any of
/// its English or French forms.
///
/// On SQLite the index row's own rowid is the action's place in newest-first order (the ticks of
/// its UpdatedAt): FTS5 reads a match in rowid order and stops at a LIMIT, so the default search
/// (newest first) reads 20 rows of the index instead of sorting every match — a word found in
/// 45,000 of 100,000 actions, 120–180 ms → a few ms (bench/RESULTS.md).
public static class CatalogueIndex
{
    /// SQLite: the action's row of the FTS5 table, written in the same transaction as the action
    /// (PostgreSQL computes its column itself).
    public static async Task WriteAsync(FinanceBuilderDbContext db, PublishedAction action, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return;
        var id = SqliteId(action.Id);
        // The action's row of the index, found by the key the action keeps (a point delete; by
        // action_id, which is not indexed, it was a scan of every row: 130 ms over 100,000 actions,
        // once per action when an organisation re-dates all of its own). The id is checked too.
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM published_actions_search WHERE rowid = (SELECT search_key FROM published_actions WHERE \"Id\" = {0}) AND action_id = {0}", [id], ct);
        if (action.WithdrawnAt is not null)
        {
            // No row any more: a later action may take that key.
            await db.Database.ExecuteSqlRawAsync("UPDATE published_actions SET search_key = NULL WHERE \"Id\" = {0}", [id], ct);
            return;
        }
        var key = OrderKey(action.UpdatedAt);
        while (await db.Database.SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM published_actions_search WHERE rowid = {0}", key).AnyAsync(ct))
            key++; // another action was updated in the same 100 ns: this one counts as newer
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO published_actions_search (rowid, terms, facets, action_rowid, action_id) SELECT {1}, {2}, {3}, rowid, \"Id\" FROM published_actions WHERE \"Id\" = {0}",
            [id, key, SearchTerms.OfDocument(action.SearchText, action.Language), CatalogueFacets.Of(action)], ct);
        await db.Database.ExecuteSqlRawAsync("UPDATE published_actions SET search_key = {1} WHERE \"Id\" = {0}", [id, key], ct);
    }

    /// Newer is larger: the index is read from the largest rowid down.
    private static long OrderKey(DateTime updatedAt) => updatedAt.Ticks;

    /// How both databases order ids that tie on their update time (CatalogueQuery.Sorted's
    /// ThenBy(Id)): SQLite compares the upper-case text, PostgreSQL the uuid's bytes — the same
    /// order as this text compared ordinally. Actions re-dated together are written to the index
    /// in the reverse of this order, so that its newest-first order is the catalogue's.
    public static string TieOrder(Guid id) => id.ToString().ToUpperInvariant();

    /// SQLite: checks that the index has one row for each public action, under that action's rowid
    /// and naming it, and that the action names that row (search_key); rebuilds the whole index in
    /// one transaction when it has not. A rowid is not a stable key: VACUUM may renumber the rows
    /// of a table without an integer key (a file vacuumed by hand, or restored from such a copy),
    /// and an upgrade may remake the index table empty. Run at start, before any request. Returns how many actions the rebuild
    /// indexed, or null when the index was right (the check reads the index once: about 40 ms
    /// over 100,000 actions).
    public static async Task<int?> RepairAsync(FinanceBuilderDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = """
                    SELECT (SELECT count(*) FROM published_actions WHERE "WithdrawnAt" IS NULL)
                         = (SELECT count(*) FROM published_actions_search s JOIN published_actions p ON p.rowid = s.action_rowid
                            WHERE p."Id" = s.action_id AND p.search_key = s.rowid AND p."WithdrawnAt" IS NULL)
                       AND (SELECT count(*) FROM published_actions WHERE "WithdrawnAt" IS NULL) = (SELECT count(*) FROM published_actions_search)
                    """;
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 1)
                    return null;
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using (var clear = connection.CreateCommand())
            {
                clear.Transaction = transaction;
                clear.CommandText = "DELETE FROM published_actions_search";
                await clear.ExecuteNonQueryAsync(ct);
            }
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO published_actions_search (rowid, terms, facets, action_rowid, action_id) VALUES ($key, $terms, $facets, $rowid, $id)";
            var keyParameter = insert.Parameters.Add("$key", SqliteType.Integer);
            var termsParameter = insert.Parameters.Add("$terms", SqliteType.Text);
            var facetsParameter = insert.Parameters.Add("$facets", SqliteType.Text);
            var rowidParameter = insert.Parameters.Add("$rowid", SqliteType.Integer);
            var idParameter = insert.Parameters.Add("$id", SqliteType.Text);
            await using var name = connection.CreateCommand();
            name.Transaction = transaction;
            name.CommandText = "UPDATE published_actions SET search_key = $key WHERE rowid = $rowid";
            var nameKeyParameter = name.Parameters.Add("$key", SqliteType.Integer);
            var nameRowidParameter = name.Parameters.Add("$rowid", SqliteType.Integer);
            // FTS5 writes a transaction's rows quickly only in increasing rowid order (a smaller
            // rowid flushes what it holds): first every action's key, then the actions in key order.
            var order = new List<(long Key, long Rowid)>();
            await using (var keys = connection.CreateCommand())
            {
                keys.Transaction = transaction;
                // Actions updated at the same instant: the smallest id counts as newest, as
                // CatalogueQuery.Sorted breaks the tie.
                keys.CommandText = """SELECT rowid, "UpdatedAt" FROM published_actions WHERE "WithdrawnAt" IS NULL ORDER BY "UpdatedAt", "Id" DESC""";
                await using var reader = await keys.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    order.Add((OrderKey(reader.GetDateTime(1)), reader.GetInt64(0)));
            }
            order = [.. order.OrderBy(o => o.Key)]; // stable: ties keep the order read
            for (var i = 1; i < order.Count; i++)
                if (order[i].Key <= order[i - 1].Key)
                    order[i] = (order[i - 1].Key + 1, order[i].Rowid); // updated in the same 100 ns: newer, as WriteAsync does
            await using var read = connection.CreateCommand();
            read.Transaction = transaction;
            foreach (var chunk in order.Chunk(500))
            {
                // The rowids are numbers read from the database, written as numbers.
                read.CommandText = $"""
                    SELECT rowid, "Id", "SearchText", "Language", "CountryCode", "Status", "Focus", "ResultAreas", "Hazards", "SeeksFunding", "Size"
                    FROM published_actions WHERE rowid IN ({string.Join(',', chunk.Select(c => c.Rowid.ToString(CultureInfo.InvariantCulture)))})
                    """;
                var rows = new Dictionary<long, (string Id, string Text, string Language, string Facets)>(chunk.Length);
                await using (var reader = await read.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct))
                        rows[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3),
                            CatalogueFacets.Of(reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                                reader.GetString(8), reader.GetBoolean(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
                foreach (var (key, rowid) in chunk)
                {
                    var (id, text, language, facets) = rows[rowid];
                    keyParameter.Value = key;
                    termsParameter.Value = SearchTerms.OfDocument(text, language);
                    facetsParameter.Value = facets;
                    rowidParameter.Value = rowid;
                    idParameter.Value = id;
                    await insert.ExecuteNonQueryAsync(ct);
                    nameKeyParameter.Value = key;
                    nameRowidParameter.Value = rowid;
                    await name.ExecuteNonQueryAsync(ct);
                }
            }
            var count = order.Count;
            await transaction.CommitAsync(ct);
            return count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// The published actions that hold every word of the query (all of them when it has none).
    public static IQueryable<PublishedAction> Matching(FinanceBuilderDbContext db, IReadOnlyList<QueryWord> words)
    {
        if (words.Count == 0)
            return db.PublishedActions;
        if (db.Database.IsNpgsql())
        {
#pragma warning disable EF1002
            return db.PublishedActions.FromSqlRaw(
                $"SELECT * FROM published_actions WHERE search_vector @@ ({WordQuery(words.Count)})",
                words.Select(w => (object)w.Text).ToArray());
#pragma warning restore EF1002
        }
        return db.PublishedActions.FromSqlRaw(
            "SELECT * FROM published_actions WHERE rowid IN (SELECT action_rowid FROM published_actions_search WHERE published_actions_search MATCH {0})",
            Match(words, []));
    }

    /// The published actions that hold every word and pass the filters, withdrawn ones excluded. On
    /// PostgreSQL, with words, the filters are the facets column, in the same GIN index as the
    /// words: one index scan intersects both (a common word in one country, 15 ms → 2–3 ms over
    /// 100,000 actions). Without words, or on SQLite, they are CatalogueQuery.Filter's SQL.
    public static IQueryable<PublishedAction> Filtered(FinanceBuilderDbContext db, IReadOnlyList<QueryWord> words, CatalogueFilter filter)
    {
        var facets = CatalogueFacets.Of(filter);
        if (words.Count == 0 || facets.Count == 0 || !db.Database.IsNpgsql() || !filter.InIndex)
            return CatalogueQuery.Filter(Matching(db, words), filter);
#pragma warning disable EF1002
        return db.PublishedActions.FromSqlRaw(
                $"SELECT * FROM published_actions WHERE search_vector @@ ({WordQuery(words.Count)}) AND facets @> {{{words.Count}}}",
                [.. words.Select(w => (object)w.Text), facets.ToArray()])
#pragma warning restore EF1002
            .Where(p => p.WithdrawnAt == null);
    }

    /// PostgreSQL's query for every word, in English or French: placeholders {0}…{n-1} only, the
    /// words go in as parameters.
    private static string WordQuery(int count) => string.Join(" && ",
        Enumerable.Range(0, count).Select(i => $"(plainto_tsquery('fb_english', {{{i}}}) || plainto_tsquery('fb_french', {{{i}}}))"));

    /// SQLite, a search with words or filters: one page of it, and how many actions match (up to
    /// CatalogueQuery.MaxCount + 1), counted in the index alone — the filters are words of its
    /// facets column. Newest first, the page is read from the index too (kept in that order). By
    /// title or cost, with at most MaxCount matches, they are fetched and sorted; with more, the
    /// order's own index is walked, each entry's search_key checked against the set of matching
    /// rowids (a common word: 140 ms to fetch and sort, 60 ms to walk checking each entry's action
    /// id, a few ms checking its key). Null elsewhere — PostgreSQL; neither words nor filters (the
    /// table's own indexes answer); by title or cost without words — where CatalogueQuery's SQL
    /// does the work.
    public static async Task<(IQueryable<PublishedAction> Page, int Total)?> SearchAsync(
        FinanceBuilderDbContext db, IReadOnlyList<QueryWord> words, CatalogueFilter filter, CatalogueSort sort, int skip, int take, CancellationToken ct,
        int walkAbove = CatalogueQuery.MaxCount)
    {
        var facets = CatalogueFacets.Of(filter);
        // A region or a place is no word of the index (CatalogueQuery.Filter asks it in SQL).
        if ((words.Count == 0 && facets.Count == 0) || db.Database.IsNpgsql() || !filter.InIndex)
            return null;
        // By title or cost with filters only, the table's index with the filters in SQL is quicker
        // (by title: 13 ms against 35 ms over 100,000 actions): no set of matches to gather.
        if (sort != CatalogueSort.Updated && words.Count == 0)
            return null;
        var match = Match(words, facets);
        var total = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*) AS \"Value\" FROM (SELECT 1 FROM published_actions_search WHERE published_actions_search MATCH {0} LIMIT {1})",
            match, CatalogueQuery.MaxCount + 1).SingleAsync(ct);
        var many = total > walkAbove; // a test walks small sets too
        // A thousand matches or fewer, by title or cost: fetched by rowid and sorted (NOT INDEXED
        // keeps the planner from walking an order's index through every action for a rare word).
        if (sort != CatalogueSort.Updated && !many)
            return (CatalogueQuery.Sorted(db.PublishedActions.FromSqlRaw(
                    "SELECT * FROM published_actions NOT INDEXED WHERE \"WithdrawnAt\" IS NULL AND rowid IN (SELECT action_rowid FROM published_actions_search WHERE published_actions_search MATCH {0})",
                    match), sort).Skip(skip).Take(take), total);
        // The index holds public actions only; the check is kept, on one page of rows. The orders
        // are CatalogueQuery.Sorted's, written as their indexes' own expressions.
        var page = sort switch
        {
            CatalogueSort.Title => db.PublishedActions.FromSqlRaw(
                    """
                    SELECT * FROM published_actions INDEXED BY "IX_published_actions_title_key"
                    WHERE "WithdrawnAt" IS NULL AND search_key IN (SELECT rowid FROM published_actions_search WHERE published_actions_search MATCH {0})
                    ORDER BY "Title", "Id" LIMIT {1} OFFSET {2}
                    """, match, take, skip),
            CatalogueSort.Cost => db.PublishedActions.FromSqlRaw(
                    """
                    SELECT * FROM published_actions INDEXED BY "IX_published_actions_cost"
                    WHERE "WithdrawnAt" IS NULL AND search_key IN (SELECT rowid FROM published_actions_search WHERE published_actions_search MATCH {0})
                    ORDER BY ("TotalCostUsd" IS NOT NULL) DESC, "TotalCostUsd" DESC, "Id" LIMIT {1} OFFSET {2}
                    """, match, take, skip),
            _ => db.PublishedActions.FromSqlRaw(
                    "SELECT * FROM published_actions WHERE rowid IN (SELECT action_rowid FROM published_actions_search WHERE published_actions_search MATCH {0} ORDER BY rowid DESC LIMIT {1} OFFSET {2})",
                    match, take, skip)
                .Where(p => p.WithdrawnAt == null),
        };
        return (CatalogueQuery.Sorted(page, sort), total);
    }

    /// The FTS5 query: every word in the terms column (any of its forms), every filter in the
    /// facets column. The forms are letters, digits, '.' and '-' only (SearchTerms); a facet may
    /// carry what a reader typed in the address (a country), so quotes in it are doubled.
    private static string Match(IReadOnlyList<QueryWord> words, IReadOnlyList<string> facets)
    {
        var parts = new List<string>(2);
        if (words.Count > 0)
            parts.Add("terms : (" + string.Join(" AND ", words.Select(w => "(" + string.Join(" OR ", w.Forms.Select(Quoted)) + ")")) + ")");
        if (facets.Count > 0)
            parts.Add("facets : (" + string.Join(" AND ", facets.Select(Quoted)) + ")");
        return string.Join(" AND ", parts);
    }

    private static string Quoted(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// How EF Core's SQLite provider writes a Guid: upper-case text.
    private static string SqliteId(Guid id) => id.ToString().ToUpperInvariant();
}
