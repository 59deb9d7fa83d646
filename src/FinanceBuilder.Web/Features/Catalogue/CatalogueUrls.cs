namespace FinanceBuilder.Web.Features.Catalogue;

/// The catalogue's addresses. The public ones (/actions…) are permanent: an action's address
/// never changes, and answers 410 once the action is withdrawn.
public static class CatalogueUrls
{
    public const string Manage = "/catalogue";
    public const string New = "/catalogue/new";
    public static string Edit(Guid id) => $"/catalogue/{id}/edit";
    public static string Publish(Guid id) => $"/catalogue/{id}/publish";

    public const string Search = "/actions";
    public static string Action(Guid id) => $"/actions/{id}";

    /// The actions that give a place's official code (a territory's page links them all).
    public static string Place(string country, string code) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Search, new Dictionary<string, string?> { ["country"] = country, ["place"] = code });

    /// The actions of one administrative area of a country (an action's page links its own).
    public static string Region(string country, string region) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Search, new Dictionary<string, string?> { ["country"] = country, ["region"] = region });
}
