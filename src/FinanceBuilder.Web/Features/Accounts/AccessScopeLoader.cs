using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// The one place that decides what a person may work on, for a browser session
/// (SessionValidation) and for a command run `--as` them (Cli/CommandUser) alike: their own
/// organisation and, for a planning agency, the enabled organisations it is linked to.
public static class AccessScopeLoader
{
    /// <param name="platformAdminsNeedTwoFactor">For a browser session, the TwoFactor setting; a
    /// command run on the server itself is not asked for a code.</param>
    public static async Task SignInAsync(FinanceBuilderDbContext db, UserAccount user, OrganisationRecord organisation, CancellationToken ct, bool platformAdminsNeedTwoFactor = false)
    {
        var supported = organisation.Kind == OrganisationKind.PlanningAgency
            ? await (from link in db.AgencyLinks
                     where link.AgencyId == user.OrganisationId
                     join other in db.Organisations on link.SupportedOrganisationId equals other.Id
                     where other.DisabledAt == null
                     select link.SupportedOrganisationId).ToListAsync(ct)
            : [];
        db.Access.SignIn(user, organisation, supported, platformAdminsNeedTwoFactor);
    }
}
