using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Rules.Narrative;

namespace FinanceBuilder.Web.Tests.Rules;

/// figures written in the narratives are compared with the data they name, within the
/// precision they are written to, in English, French and Spanish number formats.
public sealed class TextFigureTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> R077(Proposal proposal) => Validation.Validate(proposal).Findings.Where(f => f.RuleId == "R-077").ToList();

    /// Tamale asks the GCF for USD 8,365,000 of a USD 13,025,000 project.
    private static Proposal Tamale(string summary)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Narratives.ExecutiveSummary = summary;
        return proposal;
    }

    [Theory]
    [InlineData("The GCF contribution of USD 8.37 million completes the financing.")]
    [InlineData("The GCF contribution of USD 8,365,000 completes the financing.")]
    [InlineData("The GCF contribution of about USD 8.4 million completes the financing.")]
    [InlineData("Total cost is USD 13.03 million.")]
    [InlineData("The city asks the GCF for USD 8.365 million.")]
    [InlineData("The project costs USD 210,000 a year to run, paid from the GCF account.")]
    public void FiguresThatAgree_WithinTheirPrecision_GiveNoFinding(string summary) => Assert.Empty(R077(Tamale(summary)));

    [Theory]
    [InlineData("The GCF contribution of USD 8.47 million completes the financing.", "Gcf", "USD 8.47 million")]
    [InlineData("The GCF contribution of USD 8,365,500 completes the financing.", "Gcf", "USD 8,365,500")] // written to the dollar: 500 off is off
    [InlineData("Total cost is USD 13.1 million.", "Total", "USD 13.1 million")]
    [InlineData("The GCF provides 70.2% of total financing.", "GcfShare", "70.2%")]
    [InlineData("Together the measures avoid about 5,450 tCO2 a year.", "Tonnes", "5,450")]
    [InlineData("The GCF contribution of USD 83.65 million completes the financing.", "Gcf", "USD 83.65 million")] // a misplaced decimal, ten times the request
    public void FiguresThatDisagree_AreReported_QuotingTheSentence(string summary, string variant, string written)
    {
        var finding = Assert.Single(R077(Tamale(summary)));

        Assert.Equal($"R-077.{variant}", finding.MessageKey);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("$.narratives.executiveSummary", finding.Paths.Single());
        var message = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en"));
        Assert.StartsWith("Executive summary writes " + written, message, StringComparison.Ordinal);
        Assert.EndsWith("“" + summary + "”", message, StringComparison.Ordinal);
    }

    /// Cotonou, in French: USD 24.0 million from the GCF, USD 16.0 million co-financing, 244,000 direct beneficiaries.
    [Theory]
    [InlineData("Le projet reçoit 24,0 millions USD de don du FVC et 16,0 millions USD de cofinancement.", null)]
    [InlineData("Le projet reçoit 24,5 millions USD de don du FVC.", "R-077.Gcf")]
    [InlineData("Le cofinancement atteint 16 500 000 USD.", "R-077.CoFinancing")]
    [InlineData("Le projet compte 244 000 bénéficiaires directs.", null)]
    [InlineData("Le projet compte 254 000 bénéficiaires directs.", "R-077.Beneficiaries")]
    // Durations: Cotonou runs 60 months and its works last 30 years.
    [InlineData("La mise en œuvre dure 60 mois et la durée de vie des ouvrages est de 30 ans.", null)]
    [InlineData("Le projet sera mis en œuvre sur 5 ans.", null)]
    [InlineData("La mise en œuvre du projet dure 72 mois.", "R-077.Duration")]
    [InlineData("Le programme de 6 ans renforce la ville.", "R-077.Duration")]
    [InlineData("La durée de vie des ouvrages est de 25 ans.", "R-077.Lifespan")]
    // Other periods the text names are left alone.
    [InlineData("Les collecteurs sont curés tous les 2 ans ; la crue de période de retour 25 ans sert au dimensionnement.", null)]
    [InlineData("Le prêt de 20 ans finance le projet.", null)]
    // Dates: Cotonou is implemented from July 2027 to July 2032.
    [InlineData("La mise en œuvre s’étend de 2027 à 2032.", null)]
    [InlineData("La mise en œuvre s’étend de 2026 à 2031.", "R-077.Dates")]
    [InlineData("Le PUGEMU (Banque mondiale, 2012–2018) a réhabilité des collecteurs.", null)]
    // One end of the period, with its month when written.
    [InlineData("Le projet démarrera en juillet 2027 et s’achèvera en 2032.", null)]
    [InlineData("Le projet démarrera en janvier 2027.", "R-077.Dates")]
    [InlineData("La mise en œuvre s’achèvera en 2033.", "R-077.Dates")]
    [InlineData("Le plan communal de développement court jusqu’en 2030.", null)]
    // Numbers in words.
    [InlineData("Le projet sera mis en œuvre sur cinq ans.", null)]
    [InlineData("Le programme de six ans renforce la ville.", "R-077.Duration")]
    [InlineData("La mise en œuvre dure soixante-douze mois.", "R-077.Duration")]
    // Women's share of the beneficiaries: 51.4 % of the direct, of the indirect and of both.
    [InlineData("Le projet compte 244 000 bénéficiaires directs, dont 51 % de femmes.", null)]
    [InlineData("Le projet compte 244 000 bénéficiaires directs, dont 60 % de femmes.", "R-077.WomenShare")]
    [InlineData("Les femmes représentent 45 % des bénéficiaires.", "R-077.WomenShare")]
    [InlineData("Les comités d’alerte comptent au moins 40 % de femmes.", null)]
    [InlineData("Les femmes sont 52 % de la population des bénéficiaires potentiels.", null)]
    public void FrenchNumbers_AreReadAsFrenchWritesThem(string summary, string? expected)
    {
        var proposal = RuleCases.Load(RuleCases.A);
        proposal.Narratives.ExecutiveSummary = summary;

        var findings = R077(proposal);

        Assert.Equal(expected is null ? [] : [expected], findings.Select(f => f.MessageKey));
        if (expected is not null)
            Assert.Contains("«\u00A0" + summary + "\u00A0»", RuleMessages.Render(findings[0], CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,234.5", Language.En, 1234.5, 0.05)]
    [InlineData("1 234,5", Language.Fr, 1234.5, 0.05)]
    [InlineData("1\u202F234,5", Language.Fr, 1234.5, 0.05)]
    [InlineData("1.234,5", Language.Es, 1234.5, 0.05)]
    [InlineData("38.4 million", Language.En, 38_400_000, 50_000)]
    [InlineData("38,4 millions", Language.Fr, 38_400_000, 50_000)]
    [InlineData("2,5 Mio", Language.Fr, 2_500_000, 50_000)]
    [InlineData("750 k", Language.En, 750_000, 5_000)] // "750" may be rounded to tens
    public void Numbers_AreReadWithTheirScaleAndPrecision(string written, Language language, double value, double halfUnit)
    {
        var figure = Assert.Single(FigureFinder.Find($"A grant of USD {written} is planned.", language));

        Assert.Equal(((decimal)value, (decimal)halfUnit, "USD"), (figure.Value, figure.HalfUnit, figure.Currency));
    }

    /// Tamale runs from 31 March 2027 to 31 March 2032 (60 months); its one local government is
    /// the Tamale Metropolitan Area.
    [Theory]
    [InlineData("The project starts in March 2027 and ends in 2032.", null)]
    [InlineData("The project starts in January 2027.", "R-077.Dates")]
    [InlineData("Implementation will be completed in 2031.", "R-077.Dates")]
    [InlineData("The concessional loan ends in 2040.", null)]
    [InlineData("Ghana's NDC runs until 2030.", null)]
    [InlineData("The five-year programme equips the city.", null)]
    [InlineData("The six-year programme equips the city.", "R-077.Duration")]
    [InlineData("The project covers one metropolitan area.", null)]
    [InlineData("The project covers twenty-five municipalities.", "R-077.Places")]
    public void DatesAndNumbersInWords_AreReadInEnglish(string summary, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], R077(Tamale(summary)).Select(f => f.MessageKey));

    [Theory]
    [InlineData("El proyecto se ejecuta en veinticinco municipios.", "R-077.Places")]
    [InlineData("El proyecto comenzará en marzo de 2027 y durará cinco años.", null)]
    [InlineData("El proyecto comenzará en enero de 2028.", "R-077.Dates")]
    [InlineData("El programa de seis años equipa la ciudad.", "R-077.Duration")]
    public void DatesAndNumbersInWords_AreReadInSpanish(string summary, string? expected)
    {
        var proposal = Tamale(summary);
        proposal.Language = Language.Es;

        Assert.Equal(expected is null ? [] : [expected], R077(proposal).Select(f => f.MessageKey));
    }

    [Theory]
    [InlineData("twenty-five communes", Language.En, 25)]
    [InlineData("twenty five communes", Language.En, 25)]
    [InlineData("quatre-vingt-deux communes", Language.Fr, 82)]
    [InlineData("soixante et onze communes", Language.Fr, 71)]
    [InlineData("treinta y dos municipios", Language.Es, 32)]
    public void CountsInWords_AreRead(string written, Language language, int value)
    {
        var figure = Assert.Single(FigureFinder.Find($"It covers {written}.", language));

        Assert.Equal((FigureKind.Places, value), (figure.Kind, (int)figure.Value));
    }

    [Fact]
    public void SpanishProposal_ReadsSpanishGrouping()
    {
        var proposal = Tamale("El Fondo Verde aporta una donación de USD 8.366.000 al proyecto.");
        proposal.Language = Language.Es;

        var finding = Assert.Single(R077(proposal));
        Assert.Equal("R-077.Gcf", finding.MessageKey);
        Assert.Empty(R077(Tamale("The GCF contribution of USD 8.365 million is unchanged.")));
    }

    [Fact]
    public void ThreeLetterWords_ThatAreNoCurrency_AreNotAmounts() =>
        Assert.DoesNotContain(FigureFinder.Find("The GCF 38 partner communes and PMU 2 staff.", Language.En), f => f.Kind == FigureKind.Money);
}
