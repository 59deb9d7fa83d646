using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Tests.Localization;

/// French writes "1 200 000 USD" (amount first, no-break spaces) and "16 mars 2026"; English
/// "USD 1,200,000" and "16 March 2026".
public sealed class MoneyAndDateTextTests
{
    [Theory]
    [InlineData("fr", 1_200_000, 0, "1\u202F200\u202F000\u00A0USD")]
    [InlineData("fr", 158.614, 2, "158,61\u00A0USD")]
    [InlineData("en", 1_200_000, 0, "USD 1,200,000")]
    [InlineData("en", 158.614, 2, "USD 158.61")]
    public void Money_PutsTheCodeWhereTheLanguageDoes(string language, double amount, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Money((decimal)amount, "USD", CultureInfo.GetCultureInfo(language), decimals));

    [Theory]
    [InlineData("fr", 2026, 3, 16, "16 mars 2026")]
    [InlineData("fr", 2027, 7, 1, "1er juillet 2027")]
    [InlineData("en", 2026, 3, 16, "16 March 2026")]
    public void Date_IsWrittenInFull(string language, int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.Written(new DateOnly(year, month, day), CultureInfo.GetCultureInfo(language)));
}
