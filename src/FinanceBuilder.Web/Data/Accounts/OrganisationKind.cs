namespace FinanceBuilder.Web.Data.Accounts;

/// The four kinds of organisation of design D11. The first three write proposals; a donor
/// (or accredited entity) only reviews what is shared with it.
public enum OrganisationKind
{
    Municipality,
    Region,
    PlanningAgency,
    Donor,
}
