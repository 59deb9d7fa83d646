namespace FinanceBuilder.Web.Rules;

/// Reads a route as users type it ("sap", "conceptNote"); numbers are not routes.
public static class RouteNames
{
    public const string Allowed = "fundingProposal, conceptNote, sap, ppf, readiness";

    public static bool TryParse(string text, out Route route) =>
        Enum.TryParse(text, ignoreCase: true, out route) && Enum.IsDefined(route) && !int.TryParse(text, out _);
}
