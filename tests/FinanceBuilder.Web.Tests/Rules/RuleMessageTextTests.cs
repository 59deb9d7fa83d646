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

    /// A converted total is written in whole units: "USD 31,024", never "USD 31,024.04"; a small
    /// amount keeps its cents.
    [Theory]
    [InlineData(31_024.04, 1_000_000, "en", "Budget lines add up to USD 31,024 but total financing is USD 1,000,000.")]
    [InlineData(12.5, 1_000_000, "en", "Budget lines add up to USD 12.50 but total financing is USD 1,000,000.")]
    [InlineData(31_024.04, 1_000_000, "fr", "31\u202F024\u00A0USD")]
    public void Money_FromAThousandUp_HasNoCents(double lines, double total, string language, string expected)
    {
        var finding = new Finding("R-024", Severity.Error, ["$.budget.lines"], "R-024.Total", [new MoneyArg((decimal)lines, "USD"), new MoneyArg((decimal)total, "USD")], "test", TemplateSection.Financing, null);

        Assert.Contains(expected, RuleMessages.Render(finding, new CultureInfo(language)), StringComparison.Ordinal);
    }
}
