using System.Globalization;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Review;

/// A submission's key figures as the donor pages write them, in the reader's culture: the same
/// money and number formats as the wizard and the documents (NumberText), the same names of
/// funds, routes, sizes and categories (ProposalText). The stored columns hold the proposal's
/// camel-case JSON names ("gcf", "fundingProposal", "micro", "b").
public static class KeyFigureText
{
    public const string Empty = "—";

    public static string Fund(string? fund, CultureInfo culture) => Name<Fund>(fund, culture);

    public static string Route(string? route, CultureInfo culture) => Name<Route>(route, culture);

    public static string Size(string? size, CultureInfo culture) => Name<SizeCategory>(size, culture);

    public static string Ess(string? category, CultureInfo culture) => Name<EssCategory>(category, culture);

    public static string Country(string? code, CultureInfo culture) =>
        code is { Length: > 0 } ? CountryList.Name(code, culture) : Empty;

    public static string Usd(decimal? amount, CultureInfo culture) =>
        amount is { } value ? NumberText.Money(value, "USD", culture) : Empty;

    /// An amount under a heading that already says "(USD)": the digits only, so that a list of
    /// many columns fits a laptop screen.
    public static string UsdDigits(decimal? amount, CultureInfo culture) =>
        amount is { } value ? NumberText.Format(Math.Round(value, 0, MidpointRounding.AwayFromZero), culture) : Empty;

    public static string Tonnes(decimal? tonnes, CultureInfo culture) =>
        tonnes is { } value ? NumberText.Format(Math.Round(value, 0, MidpointRounding.AwayFromZero), culture) : Empty;

    public static string People(long? count, CultureInfo culture) =>
        count is { } value ? NumberText.Format(value, culture) : Empty;

    public static string Percent(int? value, CultureInfo culture) =>
        value is { } v ? (v / 100m).ToString("P0", culture) : Empty; // "85%", "85 %"


    public static string Title(string? title) => title is { Length: > 0 } ? title : ReviewText.Texts["Untitled"];

    public static string Recommendation(ReviewRecommendation? recommendation, CultureInfo culture) =>
        recommendation is { } r ? ReviewText.Texts.Format(culture, "Recommendation." + r) : Empty;

    private static string Name<TEnum>(string? stored, CultureInfo culture) where TEnum : struct, Enum =>
        stored is { Length: > 0 } && Enum.TryParse<TEnum>(stored, ignoreCase: true, out var value)
            ? ProposalText.Get($"Enum.{typeof(TEnum).Name}.{value}", culture)
            : stored is { Length: > 0 } ? stored : Empty;

    /// The values a filter offers, as stored (camel case).
    public static IReadOnlyList<string> Stored<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n)).ToList();
}
