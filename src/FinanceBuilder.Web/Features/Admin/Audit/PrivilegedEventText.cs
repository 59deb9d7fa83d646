using System.Globalization;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Organisation;
using FinanceBuilder.Web.Features.Review;

namespace FinanceBuilder.Web.Features.Admin.Audit;

/// The "details" of one privileged event in the reader's language. What people typed or named
/// (the event's Summary: an address, an organisation's or a file's name) is shown as written;
/// what the app knows (Before/After: a role, a kind, a recommendation, a count, an organisation)
/// through the same labels as the pages that show it elsewhere. Events recorded before Before and
/// After existed show their summary as it was written.
public static class PrivilegedEventText
{
    public static string Details(PrivilegedEvent e, IReadOnlyDictionary<Guid, string> organisations)
    {
        var t = OrganisationText.Texts;
        var accounts = AccountText.Texts;
        switch (e.Action)
        {
            case "role-changed" when e.Before is not null && e.After is not null:
                return t["Audit.Change", e.Summary, accounts["Role." + e.Before], accounts["Role." + e.After]];
            case "organisation-kind-changed" when e.Before is not null && e.After is not null:
                return t["Audit.Change", e.Summary, accounts["Kind." + e.Before], accounts["Kind." + e.After]];
            case "account-moved" when e.Before is not null && e.After is not null:
                return t["Audit.Change", e.Summary, Organisation(organisations, e.Before), Organisation(organisations, e.After)];
            case "account-created" or "invitation-sent" or "invitation-revoked" when e.After is not null:
                return Join(e.Summary.Length > 0 ? e.Summary : t["Audit.SetUpLink"], accounts["Role." + e.After], e.GrantsPlatformAdmin ? t["Audit.PlatformAdmin"] : null);
            case "organisation-created" when e.After is not null:
                return Join(e.Summary, accounts["Kind." + e.After]);
            case "review-released" or "review-withdrawn" when Guid.TryParse(e.Before, out var submission):
                return Join(t["Audit.Submission", submission.ToString("N")[..8]],
                    e.After is null ? t["Audit.NoRecommendation"] : ReviewText.Texts["Recommendation." + e.After]);
            case "directory-replaced" or "directory-reset" when int.TryParse(e.After, NumberStyles.None, CultureInfo.InvariantCulture, out var entities):
                return Join(e.Summary.Length > 0 ? e.Summary : t["Audit.ShippedList"], t.Count(CultureInfo.CurrentUICulture, "Audit.Entities", entities));
            case "packs-reloaded" when int.TryParse(e.After, NumberStyles.None, CultureInfo.InvariantCulture, out var refused):
                return Join(e.Summary, refused > 0 ? t.Count(CultureInfo.CurrentUICulture, "Audit.PacksRefused", refused) : null);
            default:
                return e.Summary;
        }
    }

    private static string Organisation(IReadOnlyDictionary<Guid, string> names, string id) =>
        Guid.TryParse(id, out var value) && names.TryGetValue(value, out var name) ? name : id;

    private static string Join(params string?[] parts) => string.Join(" — ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
