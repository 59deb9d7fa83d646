using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Tests.Text;

/// Which spaces sit inside a figure (never a line break there) and which separate words.
public sealed class FiguresTests
{
    [Theory]
    [InlineData("a GCF grant of USD 10,000,000 for", "USD_10,000,000")]
    [InlineData("soit 1 200 000 FCFA par an", "1_200_000_FCFA")]
    [InlineData("USD 4.00 million", "USD_4.00_million")]
    [InlineData("(USD 0.76 million)", "USD_0.76_million")]
    [InlineData("1,2 millions d’euros", "1,2_millions")]
    [InlineData("une part de 40 % du total", "40_%")]
    [InlineData("3 000 kWc installés", "3_000_kWc")]
    [InlineData("12 500 tCO2e par an", "12_500_tCO2e")]
    [InlineData("le 16 mars 2026 à Cotonou", "16_mars_2026")]
    [InlineData("on 5 December 2026.", "5_December_2026")]
    [InlineData("by December 5, 2026,", "December_5,_2026")]
    [InlineData("over 20 years", "20_years")]
    public void GluedSpaces_KeepTheFigureTogether(string text, string figure)
    {
        var marked = Mark(text);

        Assert.Contains(figure, marked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in 2025 150 households were reached")]
    [InlineData("Components 1 and 2 deliver the outputs")]
    [InlineData("Solar street lights for Tamale")]
    [InlineData("")]
    public void OrdinarySpaces_StayBreakable(string text)
    {
        Assert.Equal(text, Mark(text));
    }

    [Fact]
    public void WithNoBreakSpaces_ChangesOnlyTheGluedSpaces()
    {
        Assert.Equal("Budget of USD\u00A010,000,000 over 5\u00A0years.", Figures.WithNoBreakSpaces("Budget of USD 10,000,000 over 5 years."));
        var plain = "No figure here";
        Assert.Same(plain, Figures.WithNoBreakSpaces(plain));
    }

    private static string Mark(string text)
    {
        var chars = text.ToCharArray();
        foreach (var index in Figures.GluedSpaces(text))
            chars[index] = '_';
        return new string(chars);
    }
}
