using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Review;

/// The words of the donor review workspace (ReviewText.resx, .fr.resx).
public static class ReviewText
{
    public static readonly TextCatalogue Texts = new("FinanceBuilder.Web.Features.Review.ReviewText");
}
