using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Reference;

/// The ISO 4217 list shipped in currencies.csv: every code once, a name in both languages, and
/// every currency the samples use.
public sealed partial class CurrencyListTests
{
    [Fact]
    public void List_HasEveryCodeOnce_WithANameInEnglishAndFrench()
    {
        Assert.Equal(179, CurrencyList.All.Count);
        Assert.Equal(CurrencyList.All.Count, CurrencyList.All.Select(c => c.Code).Distinct().Count());
        Assert.All(CurrencyList.All, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(c.NameFr));
        });
        Assert.DoesNotContain(CurrencyList.All, c => c.Code is "XXX" or "XTS");
        Assert.Equal(IsoCodes.Currencies.Order(), CurrencyList.All.Select(c => c.Code).Order());
    }

    [Fact]
    public void Label_IsTheCodeThenTheNameInTheReadersLanguage()
    {
        Assert.Equal("XOF — Franc CFA (BCEAO)", CurrencyList.Find("XOF")!.Label(CultureInfo.GetCultureInfo("fr")));
        Assert.Equal("XOF — CFA Franc BCEAO", CurrencyList.Find("XOF")!.Label(CultureInfo.GetCultureInfo("en")));
        Assert.Null(CurrencyList.Find("ABC"));
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public void EveryCurrencyOfTheSamples_IsInTheList(string sample)
    {
        var codes = CurrencyField().Matches(Samples.ReadText(sample)).Select(m => m.Groups[2].Value).Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.NotNull(CurrencyList.Find(code)));
    }

    [GeneratedRegex("\"(currency|reportingCurrency|from|to)\"\\s*:\\s*\"([^\"]*)\"")]
    private static partial Regex CurrencyField();
}
