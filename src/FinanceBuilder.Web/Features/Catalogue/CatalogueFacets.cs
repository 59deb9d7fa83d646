using FinanceBuilder.Web.Data.Catalogue;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The catalogue's filters as words of the search index: "c-sn" for Senegal, "f-adaptation",
/// "r-a1", "h-drought", "s-inprogress", "fund" for an action seeking funding, "z-small". They sit in
/// the index's own column (facets), apart from the text's terms, so a reader's words never match
/// them; a search with words and filters is then one FTS5 query that reads the index alone
/// (CatalogueIndex.SearchAsync). On PostgreSQL the same words are the generated column
/// published_actions.facets, written in SQL by the migration SearchFacetsInTheWordIndex and indexed
/// beside the text's words (CatalogueIndex.Filtered); a test compares that column with these words.
/// They mean exactly what CatalogueQuery.Filter means by each filter: a test compares the two on the
/// same actions.
public static class CatalogueFacets
{
    public static string Of(PublishedAction action) => Of(action.CountryCode, action.Status, action.Focus, action.ResultAreas,
        action.Hazards, action.SeeksFunding, action.Size);

    /// From the stored columns: lists as ";A;B;", enums by their names.
    public static string Of(string? country, string status, string focus, string resultAreas, string hazards, bool seeksFunding, string? size)
    {
        var words = new List<string>();
        if (country is { Length: 2 })
            words.Add("c-" + country);
        words.Add("s-" + status);
        words.AddRange(Listed("f-", focus));
        words.AddRange(Listed("r-", resultAreas));
        words.AddRange(Listed("h-", hazards));
        if (seeksFunding)
            words.Add("fund");
        if (size is { Length: > 0 })
            words.Add("z-" + size);
        return string.Join(' ', words).ToLowerInvariant();
    }

    /// The facet words an action must hold to pass <paramref name="filter"/>; none for no filter.
    public static IReadOnlyList<string> Of(CatalogueFilter filter)
    {
        var words = new List<string>();
        if (filter.Country is { Length: 2 } country)
            words.Add("c-" + country);
        if (filter.Focus is { } focus)
            words.Add("f-" + focus);
        if (filter.ResultArea is { } area)
            words.Add("r-" + area);
        if (filter.Hazard is { } hazard)
            words.Add("h-" + hazard);
        if (filter.Status is { } status)
            words.Add("s-" + status);
        if (filter.SeeksFunding)
            words.Add("fund");
        if (filter.Size is { } size)
            words.Add("z-" + size);
        return words.Select(w => w.ToLowerInvariant()).ToList();
    }

    private static IEnumerable<string> Listed(string prefix, string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(v => prefix + v);
}
