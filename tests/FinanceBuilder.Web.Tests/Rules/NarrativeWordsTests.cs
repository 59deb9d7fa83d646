using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// The word limits count words as string.Split with no separator does; the count without
/// allocation must agree with it on any text, including the remembered counts of the same text.
public sealed class NarrativeWordsTests
{
    [Fact]
    public void Of_AgreesWithSplit_OnRandomText()
    {
        var random = new Random(20261205);
        char[] pool = ['a', 'é', ' ', ' ', '\t', '\n', '\r', '\u00A0', '\u2009', '\u3000', '-', '.', '气'];
        for (var run = 0; run < 2000; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            var expected = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.Equal(expected, NarrativeWords.Of(text));
            Assert.Equal(expected, NarrativeWords.Of(text));
        }
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("Solar street lights for Tamale", 5)]
    [InlineData("  leading and trailing  ", 3)]
    [InlineData("12 000 FCFA par ménage", 5)]
    public void Of_CountsWords(string? text, int words) => Assert.Equal(words, NarrativeWords.Of(text));
}
