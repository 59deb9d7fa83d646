using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Localization;

/// French names a country with the article and preposition it takes: "du Bénin", "en Équateur",
/// "aux Comores", "à Madagascar". The forms are data, one line per ISO country.
public sealed class CountryTextTests
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private static string Name(string code) => code;

    [Fact]
    public void EveryIsoCountry_HasItsFrenchForms() =>
        Assert.All(IsoCodes.Countries, c => Assert.True(CountryText.FrenchForms.ContainsKey(c), c));

    [Theory]
    [InlineData("BJ", "le Bénin", "du Bénin", "au Bénin")]
    [InlineData("EC", "l’Équateur", "de l’Équateur", "en Équateur")]
    [InlineData("GH", "le Ghana", "du Ghana", "au Ghana")]
    [InlineData("KM", "les Comores", "des Comores", "aux Comores")]
    [InlineData("CI", "la Côte d’Ivoire", "de la Côte d’Ivoire", "en Côte d’Ivoire")]
    [InlineData("MG", "Madagascar", "de Madagascar", "à Madagascar")]
    [InlineData("HT", "Haïti", "d’Haïti", "en Haïti")]
    [InlineData("CU", "Cuba", "de Cuba", "à Cuba")]
    [InlineData("UY", "l’Uruguay", "de l’Uruguay", "en Uruguay")]
    [InlineData("CD", "la République démocratique du Congo", "de la République démocratique du Congo", "en République démocratique du Congo")]
    public void French_KnowsTheArticle(string code, string the, string of, string @in)
    {
        Assert.Equal(the, CountryText.The(code, French, Name));
        Assert.Equal(of, CountryText.Of(code, French, Name));
        Assert.Equal(@in, CountryText.In(code, French, Name));
    }

    [Fact]
    public void NoForm_ContractsWrongly()
    {
        string[] wrong = ["de le ", "de les ", "à le ", "à les ", "'", "le A", "le E", "le I", "le O", "le U", "le É", "la A", "la E", "la É", "de A", "de E", "de I", "de O", "de É"];
        var bad = CountryText.FrenchForms.SelectMany(f => new[] { f.Value.The, f.Value.Of, f.Value.In })
            .Where(text => wrong.Any(w => text.StartsWith(w, StringComparison.Ordinal) || text.Contains(" " + w, StringComparison.Ordinal)))
            .ToList();
        Assert.True(bad.Count == 0, string.Join(", ", bad));
    }

    [Fact]
    public void English_NamesTheCountryAlone() =>
        Assert.Equal("BJ", CountryText.Of("BJ", CultureInfo.GetCultureInfo("en"), Name));

    [Theory]
    [InlineData("R-007", "BJ", "l’AND du Bénin (BJ)")]
    [InlineData("R-008.Signatory", "EC", "l’AND de l’Équateur (EC)")]
    [InlineData("R-002.Eligibility", "FR", "La France (FR) est une Partie")]
    public void RuleMessages_PutTheArticleInTheSentence(string key, string code, string expected)
    {
        var finding = new Finding("R-007", Severity.Error, ["$.applicant"], key, [new CountryArg(code), "x"], "test", TemplateSection.Summary, null);
        Assert.Contains(expected, RuleMessages.Render(finding, French), StringComparison.Ordinal);
    }
}
