using System.Globalization;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// Message arguments are written in the reader's language: countries by their name in it.
public sealed class RuleMessageTextTests
{
    private static Finding Eligibility(string code) =>
        new("R-002", Severity.Error, ["$.basics.countries[0].code"], "R-002.Eligibility", [new CountryArg(code)], "test", TemplateSection.Summary, null);

    [Theory]
    [InlineData("en", "Germany (DE)")]
    [InlineData("fr", "Allemagne (DE)")]
    public void Country_IsNamedInTheReadersLanguage(string language, string expected) =>
        Assert.Contains(expected, RuleMessages.Render(Eligibility("DE"), new CultureInfo(language)), StringComparison.Ordinal);
}
