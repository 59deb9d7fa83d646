namespace FinanceBuilder.Web.Features.Admin.Audit;

/// The actions the privileged trail records, in the order the filter offers them. Each has a
/// label "Audit.Action.{action}" in OrganisationText.
public static class PrivilegedActions
{
    public static readonly IReadOnlyList<string> All =
    [
        "organisation-created", "organisation-renamed", "organisation-kind-changed", "organisation-disabled", "organisation-enabled",
        "agency-linked", "agency-unlinked",
        "invitation-sent", "invitation-revoked", "account-created", "account-moved",
        "role-changed", "account-disabled", "account-enabled", "platform-admin-granted", "platform-admin-revoked",
        "mfa-enabled", "mfa-disabled", "mfa-required", "mfa-not-required",
        "review-released", "review-withdrawn",
        "packs-reloaded", "directory-replaced", "directory-reset",
    ];
}
