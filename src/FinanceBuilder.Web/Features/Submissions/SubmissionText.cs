using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Submissions;

/// The words of submission, submitted versions, sharing and version comparison (SubmissionText.resx, .fr.resx).
public static class SubmissionText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Submissions.SubmissionText");
}
