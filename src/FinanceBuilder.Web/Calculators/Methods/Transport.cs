using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M6 (gcf-reference §12.7, ASIF): modal shift Σ pkm × (EF_from − EF_to) ; fleet renewal
/// BE = km × L/100 km / 100 × kgCO2/L, PE = km × kWh/km / (1 − charging losses) × EF_grid ;
/// the total is reduced by the induced-traffic allowance.
public static class Transport
{
    public static EmissionResult Calculate(MitigationMeasure measure, TransportInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null || (inputs.ModalShifts.Count == 0 && inputs.Fleet is null))
        {
            b.Missing("transport");
            return b.Build(measure, [], years);
        }
        var kg = 0m;
        for (var i = 0; i < inputs.ModalShifts.Count; i++)
        {
            var shift = inputs.ModalShifts[i];
            var at = $"transport.modalShifts[{i}]";
            var pkm = b.Need(shift.PassengerKmPerYear, $"{at}.passengerKmPerYear", $"passenger-km {shift.FromMode}→{shift.ToMode}", "pkm/yr");
            var from = b.Factor(shift.FromEmissionFactor, null, $"{at}.fromEmissionFactor", $"{shift.FromMode} factor");
            var to = b.Factor(shift.ToEmissionFactor, null, $"{at}.toEmissionFactor", $"{shift.ToMode} factor");
            if (pkm is { } p && from is { } f && to is { } t)
                kg += p * (f - t);
        }
        if (inputs.Fleet is { } fleet)
            kg += Fleet(fleet, b) * 1000m;
        var tonnes = kg / 1000m;
        if (inputs.InducedTrafficPercent is { } induced)
            tonnes *= 1m - (b.Need(induced, "", "induced-traffic allowance", "%") ?? 0m) / 100m;
        var annual = Enumerable.Repeat(tonnes, years).ToArray();
        return b.Build(measure, annual, years);
    }

    /// kg CO2 per litre of a liquid fuel = density × NCV × EF (diesel ≈ 2.68).
    public static decimal? KgCo2PerLitre(FuelType fuel)
    {
        if (EmissionDefaults.Density(fuel) is not { } density)
            return null;
        var (ef, ncv) = EmissionDefaults.Fuel(fuel);
        return density.Value * ncv.Value / 1_000_000m * ef.Value;
    }

    private static decimal Fleet(FleetRenewal fleet, CalculationBuilder b)
    {
        var vehicles = b.Need(fleet.Vehicles, "transport.fleet.vehicles", "vehicles", "vehicles");
        var km = b.Need(fleet.KmPerVehiclePerYear, "transport.fleet.kmPerVehiclePerYear", "distance per vehicle", "km/yr");
        var litres = b.Need(fleet.BaselineLitresPer100Km, "transport.fleet.baselineLitresPer100Km", "baseline fuel economy", "L/100 km");
        if (KgCo2PerLitre(fleet.BaselineFuel) is not { } perLitre)
        {
            b.Missing("transport.fleet.baselineFuel");
            return 0m;
        }
        b.Default(new DefaultValue(perLitre, "kg CO2/L", "density × NCV × IPCC factor (gcf-reference §12.3)"), $"{fleet.BaselineFuel} CO2 per litre");
        if (vehicles is not { } n || km is not { } d || litres is not { } l)
            return 0m;
        var vkm = n * d;
        var baseline = vkm * l / 100m * perLitre / 1000m;
        var project = 0m;
        if (fleet.ProjectKwhPerKm is { } kwh && kwh > 0)
        {
            var losses = fleet.ChargingLossPercent ?? 0m;
            var ef = b.Factor(fleet.GridEmissionFactor, null, "transport.fleet.gridEmissionFactor", "grid emission factor");
            project = vkm * kwh / (1m - losses / 100m) / 1000m * (ef ?? 0m);
        }
        else if (fleet.ProjectLitresPer100Km is { } projectLitres)
        {
            project = vkm * projectLitres / 100m * perLitre / 1000m;
        }
        else
        {
            b.Missing("transport.fleet.projectKwhPerKm");
        }
        return baseline - project;
    }
}
