using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Tests.Forms;

/// Numbers as people type them, per language; a grouping that is not in threes is refused so
/// that "1,5" is never read as fifteen.
public sealed class NumberTextTests
{
    [Theory]
    [InlineData("en", "1,250,000.50", "1250000.50")]
    [InlineData("en", "1250000.5", "1250000.5")]
    [InlineData("en", " 12 ", "12")]
    [InlineData("en", "-3.25", "-3.25")]
    [InlineData("en", "12,345,678", "12345678")]
    [InlineData("fr", "1 250 000,50", "1250000.50")]
    [InlineData("fr", "1\u00A0250\u00A0000,50", "1250000.50")]
    [InlineData("fr", "1\u202F250\u202F000,50", "1250000.50")]
    [InlineData("fr", "1,5", "1.5")]
    [InlineData("fr", "-0,8424", "-0.8424")]
    public void Parses(string language, string text, string expected)
    {
        Assert.True(NumberText.TryParse(text, new CultureInfo(language), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("en", "1,5")]
    [InlineData("en", "1,2345")]
    [InlineData("en", "12,34,567")]
    [InlineData("en", "about 260k")]
    [InlineData("en", "1.2.3")]
    [InlineData("en", "")]
    [InlineData("en", "1e5")]
    [InlineData("fr", "1.5")]
    [InlineData("fr", "1.250.000")]
    [InlineData("fr", "12,5,3")]
    public void Refuses(string language, string text) =>
        Assert.False(NumberText.TryParse(text, new CultureInfo(language), out _));

    [Fact]
    public void FormatsAndReadsBack_InBothLanguages()
    {
        foreach (var language in new[] { "en", "fr" })
        {
            var culture = new CultureInfo(language);
            var text = NumberText.Format(1250000.5m, culture);
            Assert.True(NumberText.TryParse(text, culture, out var back), text);
            Assert.Equal(1250000.5m, back);
        }
        Assert.Equal("1,250,000.5", NumberText.Format(1250000.5m, new CultureInfo("en")));
        Assert.Equal("1\u202F250\u202F000,5", NumberText.Format(1250000.5m, new CultureInfo("fr")));
    }
}
