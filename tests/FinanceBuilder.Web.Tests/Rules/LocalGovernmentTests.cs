using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// The communes a project covers: listed in the documents, their population the one beneficiaries
/// are a share of, and their count the one a narrative's "25 communes" is checked against.
public sealed class LocalGovernmentTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// Cotonou extended to the three communes of Grand Nokoué around it.
    private static Proposal GrandNokoue()
    {
        var proposal = RuleCases.Load(RuleCases.A);
        proposal.Basics.LocalGovernments =
        [
            new() { Name = "Cotonou", Level = LocalGovernmentLevel.Municipality, CountryCode = "BJ", Population = 688_000, PopulationSource = "INStaD", PopulationYear = 2025 },
            new() { Name = "Abomey-Calavi", Level = LocalGovernmentLevel.Municipality, CountryCode = "BJ", Population = 1_000_000, PopulationSource = "INStaD", PopulationYear = 2025 },
            new() { Name = "Sèmè-Podji", Level = LocalGovernmentLevel.Municipality, CountryCode = "BJ", Population = 312_000, PopulationSource = "INStaD", PopulationYear = 2025 },
        ];
        return proposal;
    }

    [Fact]
    public void Beneficiaries_AreAShareOfTheCommunesPopulation()
    {
        var proposal = GrandNokoue();

        Assert.Equal(2_000_000, KeyFigures.PopulationOf(proposal));
        Assert.Equal(12.2m, Math.Round(Validation.Validate(proposal).Figures.DirectPercentOfPopulation!.Value, 1)); // 244,000 of 2 million
    }

    [Fact]
    public void ACommuneWithoutItsPopulation_LeavesTheApplicantsPopulation()
    {
        var proposal = GrandNokoue();
        proposal.Basics.LocalGovernments[2].Population = null;

        Assert.Equal(proposal.Applicant.Proponent.Population, KeyFigures.PopulationOf(proposal));
    }

    [Fact]
    public void Documents_ListTheCommunes_WithTheirPopulationAndSource()
    {
        var proposal = GrandNokoue();
        var model = DocumentModel.For(proposal, Validation.Validate(proposal));

        Assert.Equal("Cotonou; Abomey-Calavi; Sèmè-Podji (3)", model["local_government_names"]);
        var first = (Dictionary<string, object?>)((List<object>)model["local_governments"]!)[0];
        Assert.Equal("688\u202F000 (INStaD, 2025)", first["population"]); // the French sample writes French numbers
    }

    [Theory]
    [InlineData("Le projet couvre 3 communes du Grand Nokoué.", false)]
    [InlineData("Le projet couvre 34 communes du Grand Nokoué.", true)]
    // A part of the listed communes, and the country's own count, are other quantities.
    [InlineData("Dans 2 communes, le projet construit des bassins de rétention.", false)]
    [InlineData("Le Bénin compte 77 communes, dont 3 sont couvertes par le projet.", false)]
    [InlineData("Le pays compte 77 communes.", false)]
    [InlineData("Au Bénin, le projet couvre 34 communes.", true)]
    public void CountOfCommunes_InTheText_IsCheckedAgainstTheList(string summary, bool reported)
    {
        var proposal = GrandNokoue();
        proposal.Narratives.ExecutiveSummary = summary;

        var findings = Validation.Validate(proposal).Findings.Where(f => f.MessageKey == "R-077.Places").ToList();

        Assert.Equal(reported, findings.Count == 1);
        if (reported)
            Assert.StartsWith("Résumé analytique écrit 34 communes pour les collectivités, mais la proposition en liste 3", RuleMessages.Render(findings[0], CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    /// Fewer places than listed is reported only when the sentence gives them as the project's
    /// whole list; a part of them ("two of the communes", "pilot communes") is another quantity.
    [Theory]
    [InlineData("Le projet couvre 2 communes du Grand Nokoué.", true)]
    [InlineData("Le projet couvre trois communes du Grand Nokoué.", false)]
    [InlineData("Le projet couvre trente-quatre communes.", true)]
    [InlineData("Les 2 communes cibles du projet ont des plans de drainage.", true)]
    [InlineData("Le projet couvre 2 communes pilotes la première année.", false)]
    [InlineData("Le projet couvre déjà 2 communes avec des comités.", false)]
    [InlineData("Le projet intervient dans 2 des communes du Grand Nokoué.", false)]
    [InlineData("Le projet couvre 2 communes sur les 3 du Grand Nokoué.", false)]
    [InlineData("Le projet couvre deux communes des trois départements.", true)]
    public void FewerPlacesThanListed_AreReported_WhenGivenAsTheWholeList(string summary, bool reported)
    {
        var proposal = GrandNokoue();
        proposal.Narratives.ExecutiveSummary = summary;

        Assert.Equal(reported, Validation.Validate(proposal).Findings.Any(f => f.MessageKey == "R-077.Places"));
    }

    [Fact]
    public void ALineForUnnamedLocalGovernments_CountsAsMany_AndNestedLevelsAreNotAddedTwice()
    {
        var proposal = GrandNokoue();
        // The three communes' 60 arrondissements, counted but not named, in the same area.
        proposal.Basics.LocalGovernments.Add(new() { Name = "Arrondissements of the three communes", Level = LocalGovernmentLevel.Other, Count = 60, CountryCode = "BJ", Population = 2_000_000 });
        proposal.Narratives.ExecutiveSummary = "Le projet couvre 63 collectivités : 3 communes et leurs arrondissements.";

        Assert.Equal(2_000_000, KeyFigures.PopulationOf(proposal));
        Assert.DoesNotContain(Validation.Validate(proposal).Findings, f => f.MessageKey == "R-077.Places");
        var model = DocumentModel.For(proposal, Validation.Validate(proposal));
        Assert.Equal("Cotonou; Abomey-Calavi; Sèmè-Podji; Arrondissements of the three communes (60) (63)", model["local_government_names"]);

        proposal.Narratives.ExecutiveSummary = "Le projet couvre 70 collectivités.";
        Assert.Single(Validation.Validate(proposal).Findings, f => f.MessageKey == "R-077.Places");
    }
}
