using FinanceBuilder.Web.Calculators.Methods;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Runs the calculator of each mitigation measure's method (gcf-reference §12).
public static class EmissionCalculator
{
    public static EmissionResult Calculate(MitigationMeasure measure, CalculationContext context)
    {
        var b = new CalculationBuilder(context);
        if (measure.Reported is { } reported && !HasInputs(measure))
            return Reported(measure, reported, b);
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

    private static bool HasInputs(MitigationMeasure m) => m.Method switch
    {
        CalculationMethod.GridElectricity => m.GridElectricity is not null,
        CalculationMethod.FuelSwitch => m.FuelSwitch is not null,
        CalculationMethod.LandfillGas => m.LandfillGas is not null,
        CalculationMethod.WasteDiversion => m.WasteDiversion is not null,
        CalculationMethod.Wastewater => m.Wastewater is not null,
        CalculationMethod.Transport => m.Transport is not null,
        CalculationMethod.Buildings => m.Buildings is not null,
        _ => m.TreePlanting is not null,
    };

    /// A figure computed elsewhere is taken as given — with its method and source, and said so.
    private static EmissionResult Reported(MitigationMeasure measure, ReportedReduction reported, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (string.IsNullOrWhiteSpace(reported.Method))
            b.Missing("reported.method");
        if (string.IsNullOrWhiteSpace(reported.Source))
            b.Missing("reported.source");
        // A typed annual figure is the series; a lifetime alone is spread evenly over the years.
        // Both typed are both kept as typed: nothing the user wrote is silently replaced.
        decimal? annual = reported.AnnualTco2e ?? reported.LifetimeTco2e / years;
        if (annual is null)
            b.Missing("reported.annualTco2e");
        if (b.HasMissing)
            return b.Build(measure, [], years);
        if (reported.AnnualTco2e is { } typedAnnual)
            b.Given($"reported reduction ({reported.Method})", typedAnnual, "tCO2e/yr", reported.Source!);
        if (reported.LifetimeTco2e is { } typedLifetime)
            b.Given($"reported reduction ({reported.Method})", typedLifetime, "tCO2e over the crediting period", reported.Source!);
        b.Note($"Computed outside FinanceBuilder ({reported.Method}); its inputs are not checked here.");
        return b.Build(measure, Enumerable.Repeat(annual!.Value, years).ToArray(), years) with
        {
            GivenAnnualTco2e = reported.AnnualTco2e,
            GivenLifetimeTco2e = reported.LifetimeTco2e,
        };
    }

    public static IReadOnlyList<EmissionResult> CalculateAll(Proposal proposal) =>
        proposal.MitigationMeasures
            .Select((m, i) => Calculate(m, new CalculationContext(proposal.Basics.LifespanYears, $"$.mitigationMeasures[{i}]")))
            .ToList();
}
