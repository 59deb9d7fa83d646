using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Organisation;

/// The words of organisation and platform administration (OrganisationText.resx, .fr.resx);
/// /admin uses them too, as both pages speak of the same members, invitations and links.
public static class OrganisationText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Organisation.OrganisationText");
}
