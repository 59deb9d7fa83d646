using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M7 (gcf-reference §12.8): savings per energy carrier × carrier factor — the grid factor for
/// electricity, the IPCC fuel factor (t/MWh = kg/TJ × 0.0036 / 1000) for fuels, the network
/// operator's factor for district heat.
public static class Buildings
{
    public static EmissionResult Calculate(MitigationMeasure measure, BuildingsInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null || inputs.Savings.Count == 0)
        {
            b.Missing("buildings.savings");
            return b.Build(measure, [], years);
        }
        var tonnes = 0m;
        for (var i = 0; i < inputs.Savings.Count; i++)
        {
            var saving = inputs.Savings[i];
            var at = $"buildings.savings[{i}]";
            var mwh = b.Need(saving.MwhPerYear, $"{at}.mwhPerYear", $"{saving.Carrier} saved", "MWh/yr");
            var factor = saving.Carrier switch
            {
                EnergyCarrier.Electricity => b.Factor(saving.EmissionFactor ?? inputs.GridEmissionFactor, null, "buildings.gridEmissionFactor", "grid emission factor"),
                EnergyCarrier.DistrictHeat => b.Factor(saving.EmissionFactor, null, $"{at}.emissionFactor", "district heat factor"),
                EnergyCarrier.Biomass => saving.EmissionFactor?.Value ?? 0m,
                _ => b.Factor(saving.EmissionFactor, FuelPerMwh(saving.Carrier), $"{at}.emissionFactor", $"{saving.Carrier} factor"),
            };
            if (mwh is { } m && factor is { } f)
                tonnes += m * f;
        }
        return b.Build(measure, Enumerable.Repeat(tonnes, years).ToArray(), years);
    }

    private static DefaultValue FuelPerMwh(EnergyCarrier carrier)
    {
        var fuel = carrier switch
        {
            EnergyCarrier.NaturalGas => FuelType.NaturalGas,
            EnergyCarrier.Diesel => FuelType.Diesel,
            EnergyCarrier.Lpg => FuelType.Lpg,
            _ => FuelType.ResidualFuelOil,
        };
        var (ef, _) = EmissionDefaults.Fuel(fuel);
        return new DefaultValue(ef.Value * 0.0036m / 1000m, "tCO2/MWh", ef.Source);
    }
}
