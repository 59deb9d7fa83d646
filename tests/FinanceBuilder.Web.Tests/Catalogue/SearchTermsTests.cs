using FinanceBuilder.Web.Catalogue.Search;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The catalogue's search terms, as PostgreSQL's fb_english and fb_french configurations make
/// them (the database's own answers for these texts are compared in CatalogueSearchTests).
public sealed class SearchTermsTests
{
    [Fact]
    public void FrenchText_IsStemmedWithoutAccents_AndItsStopWordsDropped()
    {
        var terms = SearchTerms.OfDocument("L'énergie solaire des marchés de Tamale", "fr").Split(' ');

        Assert.Equal(["energ", "solair", "march", "tamal"], terms);
    }

    [Fact]
    public void EnglishText_IsStemmed_AndItsStopWordsDropped()
    {
        var terms = SearchTerms.OfDocument("Solar energy for the markets of Tamale", "en").Split(' ');

        Assert.Equal(["solar", "energi", "market", "tamal"], terms);
    }

    [Fact]
    public void NumbersAndLetterDigitWords_AreKeptWhole_AndHyphenatedWords_GiveTheWordAndItsParts()
    {
        Assert.Equal(["co2", "1", "234.5", "tonn"], SearchTerms.OfDocument("CO2: 1,234.5 tonnes", "en").Split(' '));
        Assert.Equal(["bien-etr", "bien", "etre"], SearchTerms.OfDocument("bien-être", "fr").Split(' '));
    }

    [Fact]
    public void AQueryWord_HasItsEnglishAndFrenchForms_AndAStopWordOfEitherLanguageIsNoWord()
    {
        var words = SearchTerms.OfQuery("the Marchés de énergie");

        Assert.Equal(["Marchés", "énergie"], words.Select(w => w.Text));
        Assert.Equal(["march"], words[0].Forms);
        Assert.Equal(["energi", "energ"], words[1].Forms);
    }

    [Fact]
    public void AQuery_KeepsTenWords()
    {
        Assert.Equal(SearchTerms.MaxQueryWords, SearchTerms.OfQuery(string.Join(' ', Enumerable.Range(1, 30).Select(i => "word" + i))).Count);
    }
}
