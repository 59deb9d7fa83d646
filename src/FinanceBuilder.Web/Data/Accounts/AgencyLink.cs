namespace FinanceBuilder.Web.Data.Accounts;

/// A planning agency supports a municipality (or region): the agency's members see and, as
/// editors, work on that organisation's proposals. Made by a platform administrator.
public sealed class AgencyLink
{
    public Guid AgencyId { get; set; }
    public Guid SupportedOrganisationId { get; set; }
    public DateTime CreatedAt { get; set; }
}
