using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M1 (gcf-reference §12.2): grid electricity displaced by generation or saved by efficiency.
///   EG_y(PV) = kWp × yield × (1 − d)^(y−1) / 1000 ;  EG(savings) = Σ N × (kW_base − kW_proj) × h / 1000
///   optional T&D gross-up of savings: EG / (1 − λ) ;  ER_y = EG_y × EF_grid − auxiliary × EF_grid
public static class GridElectricity
{
    public static EmissionResult Calculate(MitigationMeasure measure, GridElectricityInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null || (inputs.Generation is null && inputs.Savings.Count == 0))
        {
            b.Missing("gridElectricity");
            return b.Build(measure, [], years);
        }

        var ef = b.Factor(inputs.GridEmissionFactor, null, "gridElectricity.gridEmissionFactor", "grid emission factor");

        decimal? capacity = null, yield = null, degradation = 0m;
        if (inputs.Generation is { } gen)
        {
            capacity = b.Need(gen.InstalledCapacityKwp, "gridElectricity.generation.installedCapacityKwp", "installed capacity", "kWp");
            yield = b.Need(gen.SpecificYield, "gridElectricity.generation.specificYield", "specific yield", "kWh/kWp/yr");
            degradation = gen.AnnualDegradationPercent is { } d ? b.Need(d, "", "annual degradation", "%/yr") : 0m;
        }

        var savingsMwh = 0m;
        for (var i = 0; i < inputs.Savings.Count; i++)
        {
            var s = inputs.Savings[i];
            var at = $"gridElectricity.savings[{i}]";
            var units = b.Need(s.Units, $"{at}.units", $"units ({s.Description})", "units");
            var before = b.Need(s.BaselineKw, $"{at}.baselineKw", $"baseline power ({s.Description})", "kW");
            var after = b.Need(s.ProjectKw, $"{at}.projectKw", $"project power ({s.Description})", "kW");
            var hours = b.Need(s.HoursPerYear, $"{at}.hoursPerYear", $"operating hours ({s.Description})", "h/yr");
            if (units is { } n && before is { } kb && after is { } kp && hours is { } h)
                savingsMwh += n * (kb - kp) * h / 1000m;
        }
        if (inputs.TransmissionLossPercent is { } loss && loss < 100m)
        {
            b.Need(loss, "", "T&D losses (gross-up of savings)", "%");
            savingsMwh /= 1m - loss / 100m;
        }
        var auxiliary = inputs.AuxiliaryConsumptionMwh is { } aux ? b.Need(aux, "", "auxiliary consumption", "MWh/yr") ?? 0m : 0m;

        if (b.HasMissing || ef is not { } factor)
            return b.Build(measure, [], years);

        var annual = new decimal[years];
        for (var y = 1; y <= years; y++)
        {
            var generated = capacity is { } kwp && yield is { } yld
                ? kwp * yld * Pow(1m - degradation!.Value / 100m, y - 1) / 1000m
                : 0m;
            annual[y - 1] = (generated + savingsMwh - auxiliary) * factor;
        }
        return b.Build(measure, annual, years);
    }

    internal static decimal Pow(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
            result *= x;
        return result;
    }
}
