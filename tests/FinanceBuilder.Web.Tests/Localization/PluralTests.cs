using System.Globalization;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Localization;

/// French counts 0 and 1 in the singular, English only 1: "0 erreur", "1 section complète",
/// "2 sections complètes"; "0 errors", "1 error".
public sealed class PluralTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("fr", 0, ".One")]
    [InlineData("fr", 1, ".One")]
    [InlineData("fr", 2, ".Other")]
    [InlineData("fr", 1000, ".Other")]
    [InlineData("en", 0, ".Other")]
    [InlineData("en", 1, ".One")]
    [InlineData("en", 2, ".Other")]
    public void Key_FollowsTheLanguagesRule(string language, int count, string suffix) =>
        Assert.Equal("Ui.Progress" + suffix, Plural.Key("Ui.Progress", count, CultureInfo.GetCultureInfo(language)));

    [Theory]
    [InlineData(0, 3, "0 section complète sur 3")]
    [InlineData(1, 3, "1 section complète sur 3")]
    [InlineData(2, 3, "2 sections complètes sur 3")]
    public void TaskListProgress_AgreesWithItsCount(int completed, int total, string expected) =>
        Assert.Equal(expected, ProposalText.Format(French, Plural.Key("Ui.Progress", completed, French), completed, total));

    [Fact]
    public void FindingCounts_EachNounAgreesWithItsOwnCount()
    {
        Assert.Equal("0 erreur à corriger avant la soumission, 1 avertissement à accepter avec une justification ou à corriger.",
            FindingCountText.Of(0, 1, French).Replace('\u00A0', ' '));
        Assert.Equal("2 errors to fix before submission, 1 warning to accept with a reason or fix.", FindingCountText.Of(2, 1, English));
    }

    [Fact]
    public void Catalogue_GroupsTheCountAndPicksItsForm()
    {
        Assert.Equal("1 soumission", Features.Review.ReviewText.Texts.Count(French, "List.Count", 1));
        Assert.Equal("0 soumission", Features.Review.ReviewText.Texts.Count(French, "List.Count", 0));
        Assert.Equal("12\u202F500 soumissions", Features.Review.ReviewText.Texts.Count(French, "List.Count", 12_500));
        Assert.Equal("0 submissions", Features.Review.ReviewText.Texts.Count(English, "List.Count", 0));
    }

    [Fact]
    public void RuleMessage_CountsWithItsFirstArgument()
    {
        static Finding R026(int lines) =>
            new("R-026", Severity.Error, ["$.budget.lines"], "R-026", [lines], "test", TemplateSection.Financing, null);

        Assert.StartsWith("1 ligne budgétaire sans type", RuleMessages.Render(R026(1), French), StringComparison.Ordinal);
        Assert.StartsWith("3 lignes budgétaires sans type", RuleMessages.Render(R026(3), French), StringComparison.Ordinal);
        Assert.StartsWith("1 budget line has", RuleMessages.Render(R026(1), English), StringComparison.Ordinal);
    }
}
