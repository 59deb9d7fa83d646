using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;

namespace FinanceBuilder.Web.Features.Proposals;

/// A new proposal starts with what the platform already knows of the organisation it is written
/// for: its name, its kind and its country. Only empty answers are filled: whatever the user (or
/// a copied proposal) gave is kept as it is.
public static class ApplicantPrefill
{
    public static void Apply(Proposal proposal, OrganisationRecord organisation)
    {
        var proponent = proposal.Applicant.Proponent;
        if (string.IsNullOrWhiteSpace(proponent.Name) && !string.IsNullOrWhiteSpace(organisation.Name))
            proponent.Name = organisation.Name.Trim();
        proponent.Type ??= TypeOf(organisation.Kind);
        if (proponent.CountryCode is null && organisation.Country is { Length: 2 } country
            && IsoCodes.Countries.Contains(country.ToUpperInvariant()))
            proponent.CountryCode = country.ToUpperInvariant();
    }

    /// A donor writes no proposals; any other kind has its proponent type.
    public static OrganisationType? TypeOf(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Municipality => OrganisationType.Municipality,
        OrganisationKind.Region => OrganisationType.Region,
        OrganisationKind.PlanningAgency => OrganisationType.PlanningAgency,
        _ => null,
    };
}
