using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Participation;

/// The words of consultations and participation (ParticipationText.resx, .fr.resx).
public static class ParticipationText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Participation.ParticipationText");
}
