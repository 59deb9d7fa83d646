using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Forms;

/// An unanswered block stays absent: the calculators read an empty block as "asked for but
/// missing" (a savings-only LED measure would otherwise lack an installed capacity).
public sealed class EmptyBlocksTests
{
    private static MitigationMeasure Led() => new()
    {
        Id = "MM-01",
        Method = CalculationMethod.GridElectricity,
        GridElectricity = new GridElectricityInputs
        {
            Generation = new Generation(),
            Savings = [new EquipmentSaving { Units = 2000, BaselineKw = 0.17m, ProjectKw = 0.06m, HoursPerYear = 4100 }],
        },
        Reported = new ReportedReduction(),
    };

    [Fact]
    public void ClearedOptionalBlocks_AreRemoved_AnsweredOnesKept()
    {
        var proposal = new Proposal { MitigationMeasures = [Led()] };
        proposal.Applicant.Proponent.Contact = new Contact();
        proposal.Applicant.Proponent.AnnualBudget = new Money { Amount = 0, Currency = "USD" };

        EmptyBlocks.Prune(proposal);

        var measure = proposal.MitigationMeasures[0];
        Assert.Null(measure.GridElectricity!.Generation);
        Assert.Null(measure.Reported);
        Assert.Single(measure.GridElectricity.Savings);
        Assert.Null(proposal.Applicant.Proponent.Contact);
        // A zero amount is an answer, not an empty block; required sub-objects stay.
        Assert.NotNull(proposal.Applicant.Proponent.AnnualBudget);
        Assert.NotNull(proposal.ClimateRationale.Vulnerability);
    }

    [Fact]
    public void SettingNothing_CreatesNoBlock()
    {
        var measure = Led();
        measure.GridElectricity = null;
        ModelPath.Set(measure, "gridElectricity.generation.installedCapacityKwp", null);
        Assert.Null(measure.GridElectricity);

        ModelPath.Set(measure, "gridElectricity.generation.installedCapacityKwp", 220m);
        Assert.Equal(220m, measure.GridElectricity!.Generation!.InstalledCapacityKwp);
    }
}
