using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// Mitigation projects reach people too (households connected, passengers): their measures count
/// direct and indirect beneficiaries by sex, which reach the key figures, the documents and the
/// checks; indirect beneficiaries of a wider area are compared with that area's population.
public sealed class MitigationBeneficiaryTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// The Tamale sample (mitigation only) with its LED measure counting the people it serves.
    private static Proposal Tamale(Action<Beneficiaries> counts)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var beneficiaries = new Beneficiaries();
        counts(beneficiaries);
        proposal.MitigationMeasures[1].Beneficiaries = beneficiaries;
        return proposal;
    }

    [Fact]
    public void MitigationMeasureBeneficiaries_ReachTheKeyFigures_AndTheDocuments()
    {
        var proposal = Tamale(b =>
        {
            b.Direct = new PeopleCount { Female = 45_000, Male = 43_600 };
            b.Indirect = new PeopleCount { Female = 140_000, Male = 146_144 };
        });

        var report = Validation.Validate(proposal);
        var figures = (Dictionary<string, object?>)DocumentModel.For(proposal, report)["figures"]!;

        Assert.Equal((88_600L, 286_144L), (report.Figures.DirectBeneficiaries!.Value, report.Figures.IndirectBeneficiaries!.Value));
        Assert.True(report.Areas.Beneficiaries);
        Assert.Equal("88,600", figures["direct"]);
        Assert.Equal(true, figures["beneficiaries_apply"]);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "R-042" or "R-043");
    }

    [Fact]
    public void WithoutCountedPeople_AMitigationProjectsBeneficiaries_AreNotApplicable()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var report = Validation.Validate(proposal);

        Assert.False(report.Areas.Beneficiaries);
        Assert.Equal("Not applicable", ((Dictionary<string, object?>)DocumentModel.For(proposal, report)["figures"]!)["direct"]);
    }

    [Fact]
    public void MitigationMeasure_WithATotalOnly_IsAskedForTheSplit()
    {
        var findings = Validation.Validate(Tamale(b => b.Direct = new PeopleCount { Total = 88_600 })).Findings;

        var split = Assert.Single(findings, f => f.MessageKey == "R-042.Split");
        Assert.Equal("$.mitigationMeasures[1].beneficiaries.direct", split.Paths.Single());
    }

    /// Indirect beneficiaries in the whole region are compared with the region's population, not
    /// the service area's; more than the region holds is still an error.
    [Fact]
    public void IndirectBeneficiaries_OfAWiderArea_AreComparedWithThatArea()
    {
        static void Counts(Beneficiaries b, long indirect)
        {
            b.Direct = new PeopleCount { Female = 45_000, Male = 43_600 };
            b.ServiceAreaPopulation = 100_000;
            b.Indirect = new PeopleCount { Female = indirect / 2, Male = indirect - indirect / 2 };
            b.IndirectArea = "Northern Region";
            b.IndirectAreaPopulation = 2_310_939;
        }

        var within = Validation.Validate(Tamale(b => Counts(b, 1_500_000))).Findings;
        var beyond = Validation.Validate(Tamale(b => Counts(b, 2_500_000))).Findings;

        Assert.DoesNotContain(within, f => f.RuleId == "R-043");
        var finding = Assert.Single(beyond, f => f.RuleId == "R-043");
        Assert.Equal("R-043.IndirectArea", finding.MessageKey);
        Assert.Contains("Northern Region", RuleMessages.Render(finding, System.Globalization.CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
    }
}
