using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Collaboration;

/// The words of the audit trail, comments and version comparison (CollaborationText.resx, .fr.resx).
public static class CollaborationText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Collaboration.CollaborationText");
}
