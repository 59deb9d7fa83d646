using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// Which GCF pack writes which type of application, both ways: the generate page offers the
/// proposal's own pack first, and a package is checked against the rules of the type its pack
/// writes.
public static class PackRoutes
{
    /// The type of application a pack writes, so the package's check and DRAFT mark follow the
    /// funder's rules for that document (a SAP proposal over the SAP limits is a draft); a pack of
    /// another funder is checked on the proposal's own route.
    public static Route? RouteOf(string packId) => packId switch
    {
        "gcf-concept-note" => Route.ConceptNote,
        "gcf-sap" => Route.Sap,
        "gcf-funding-proposal" => Route.FundingProposal,
        _ => null,
    };

    /// The pack that writes the proposal's type of application, when there is one.
    public static string PackFor(Route? route) => route switch
    {
        Route.ConceptNote => "gcf-concept-note",
        Route.Sap => "gcf-sap",
        _ => "gcf-funding-proposal",
    };
}
