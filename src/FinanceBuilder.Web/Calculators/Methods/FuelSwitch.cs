using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M2 (gcf-reference §12.3): E_fuel = FC × NCV × EF_CO2 ; BE = Σ baseline fuels ;
/// PE = Σ project fuels + project electricity × EF_grid ; ER = BE − PE (flat over the period).
public static class FuelSwitch
{
    public static EmissionResult Calculate(MitigationMeasure measure, FuelSwitchInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null || inputs.Baseline.Count == 0)
        {
            b.Missing("fuelSwitch.baseline");
            return b.Build(measure, [], years);
        }
        var baseline = Sum(inputs.Baseline, "fuelSwitch.baseline", b);
        var project = Sum(inputs.Project, "fuelSwitch.project", b);
        if (inputs.ProjectElectricityMwh is { } mwh)
        {
            b.Need(mwh, "", "project electricity", "MWh/yr");
            var ef = b.Factor(inputs.GridEmissionFactor, null, "fuelSwitch.gridEmissionFactor", "grid emission factor");
            project += mwh * (ef ?? 0m);
        }
        var annual = Enumerable.Repeat(baseline - project, years).ToArray();
        return b.Build(measure, annual, years);
    }

    private static decimal Sum(List<FuelUse> uses, string at, CalculationBuilder b)
    {
        var total = 0m;
        for (var i = 0; i < uses.Count; i++)
        {
            var use = uses[i];
            var quantity = b.Need(use.Quantity, $"{at}[{i}].quantity", $"{use.Fuel} quantity", use.Unit.ToString());
            if (quantity is { } q && TonnesCo2(use, q, $"{at}[{i}]", b) is { } t)
                total += t;
        }
        return total;
    }

    /// tCO2 for a quantity of fuel in its unit, with the IPCC default factor or the user's.
    public static decimal? TonnesCo2(FuelUse use, decimal quantity, string at, CalculationBuilder b)
    {
        var (defaultEf, ncv) = EmissionDefaults.Fuel(use.Fuel);
        if (EmissionDefaults.IsBiogenic(use.Fuel) && use.EmissionFactor is null)
        {
            b.Note($"{use.Fuel}: biogenic CO2 counted as zero (renewable biomass); give a factor for non-renewable biomass.");
            return 0m;
        }
        var kgPerTj = b.Factor(use.EmissionFactor, defaultEf, $"{at}.emissionFactor", $"{use.Fuel} CO2 factor");
        if (kgPerTj is not { } factor)
            return null;
        decimal? terajoules = use.Unit switch
        {
            FuelUnit.Terajoule => quantity,
            FuelUnit.Mwh => quantity * 0.0036m,
            FuelUnit.Tonne => quantity / 1000m * b.Default(ncv, $"{use.Fuel} net calorific value"),
            FuelUnit.Litre when EmissionDefaults.Density(use.Fuel) is { } density =>
                quantity * b.Default(density, $"{use.Fuel} density") / 1_000_000m * b.Default(ncv, $"{use.Fuel} net calorific value"),
            _ => null,
        };
        if (terajoules is null)
        {
            b.Missing($"{at}.unit");
            b.Note($"{use.Fuel} in {use.Unit}: give the quantity in tonnes, MWh or TJ.");
            return null;
        }
        return terajoules.Value * factor / 1000m;
    }
}
