using FinanceBuilder.Web.Calculators.Methods;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Runs the calculator of each mitigation measure's method (gcf-reference §12).
public static class EmissionCalculator
{
    public static EmissionResult Calculate(MitigationMeasure measure, CalculationContext context)
    {
        var b = new CalculationBuilder(context);
        return measure.Method switch
        {
            CalculationMethod.GridElectricity => GridElectricity.Calculate(measure, measure.GridElectricity, b),
            CalculationMethod.FuelSwitch => FuelSwitch.Calculate(measure, measure.FuelSwitch, b),
            CalculationMethod.LandfillGas => LandfillGas.Calculate(measure, measure.LandfillGas, b),
            CalculationMethod.WasteDiversion => WasteDiversion.Calculate(measure, measure.WasteDiversion, b),
            CalculationMethod.Wastewater => Wastewater.Calculate(measure, measure.Wastewater, b),
            CalculationMethod.Transport => Transport.Calculate(measure, measure.Transport, b),
            CalculationMethod.Buildings => Buildings.Calculate(measure, measure.Buildings, b),
            CalculationMethod.TreePlanting => TreePlanting.Calculate(measure, measure.TreePlanting, b),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure.Method, "Unknown calculation method."),
        };
    }

    public static IReadOnlyList<EmissionResult> CalculateAll(Proposal proposal) =>
        proposal.MitigationMeasures
            .Select((m, i) => Calculate(m, new CalculationContext(proposal.Basics.LifespanYears, $"$.mitigationMeasures[{i}]")))
            .ToList();
}
