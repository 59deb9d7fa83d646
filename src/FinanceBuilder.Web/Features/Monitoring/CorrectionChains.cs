namespace FinanceBuilder.Web.Features.Monitoring;

/// Append-only rows read back as chains (ADR 0021): each row names the row it corrects, so the
/// rows of one line form a chain from the first entry to the one that stands. Indicator values
/// and round entries are both stored this way and both read through here.
public static class CorrectionChains
{
    /// The chains of <paramref name="rows"/>, keyed by <paramref name="key"/> of their first row.
    public static Dictionary<TKey, List<TRow>> Build<TRow, TKey>(IEnumerable<TRow> rows, Func<TRow, long> id, Func<TRow, long?> corrects, Func<TRow, TKey> key)
        where TKey : notnull
    {
        var byId = rows.ToDictionary(id);
        var correctedBy = byId.Values.Where(r => corrects(r) is not null).ToDictionary(r => corrects(r)!.Value);
        var chains = new Dictionary<TKey, List<TRow>>();
        foreach (var first in byId.Values.Where(r => corrects(r) is not { } c || !byId.ContainsKey(c)))
        {
            var chain = new List<TRow> { first };
            // The database lets each row be corrected once; the bound guards against a loop anyway.
            while (correctedBy.TryGetValue(id(chain[^1]), out var next) && chain.Count <= byId.Count)
                chain.Add(next);
            chains[key(first)] = chain;
        }
        return chains;
    }
}
