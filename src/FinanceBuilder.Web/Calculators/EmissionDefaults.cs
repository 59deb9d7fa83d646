using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// A default value with the source a reviewer can check (gcf-reference §12). Values tagged [R]
/// in the reference are recollections to confirm; they are defaults a user may override with a
/// justification, never hidden constants.
public sealed record DefaultValue(decimal Value, string Unit, string Source);

/// Default factors of gcf-reference §12, each with its source.
public static class EmissionDefaults
{
    private const string Ipcc2006Energy = "IPCC 2006 Guidelines Vol. 2 ch. 2, stationary combustion defaults (gcf-reference §12.3) [R]";
    private const string Ipcc2006Waste = "IPCC 2006 Guidelines Vol. 5 ch. 3 (gcf-reference §12.5)";

    /// Global warming potentials of CH4 and N2O per IPCC assessment report (§12.1).
    public static (decimal Ch4, decimal N2O) Gwp(GwpSet set) => set switch
    {
        GwpSet.Ar4 => (25m, 298m),
        GwpSet.Ar6 => (29.8m, 273m),
        _ => (28m, 265m),
    };

    public static string GwpSource(GwpSet set) => set switch
    {
        GwpSet.Ar4 => "IPCC AR4 100-year GWP",
        GwpSet.Ar6 => "IPCC AR6 100-year GWP (fossil CH4)",
        _ => "IPCC AR5 100-year GWP",
    };

    /// kg CO2 per TJ and net calorific value in TJ per Gg (§12.3 table).
    public static (DefaultValue EmissionFactor, DefaultValue NetCalorificValue) Fuel(FuelType fuel)
    {
        var (kgPerTj, ncv) = fuel switch
        {
            FuelType.NaturalGas => (56_100m, 48.0m),
            FuelType.Diesel => (74_100m, 43.0m),
            FuelType.Gasoline => (69_300m, 44.3m),
            FuelType.Lpg => (63_100m, 47.3m),
            FuelType.ResidualFuelOil => (77_400m, 40.4m),
            FuelType.Kerosene => (71_900m, 43.8m),
            FuelType.BituminousCoal => (94_600m, 25.8m),
            FuelType.Lignite => (101_000m, 11.9m),
            FuelType.Anthracite => (98_300m, 26.7m),
            FuelType.Wood => (112_000m, 15.6m),
            _ => throw new ArgumentOutOfRangeException(nameof(fuel)),
        };
        return (new DefaultValue(kgPerTj, "kg CO2/TJ", Ipcc2006Energy), new DefaultValue(ncv, "TJ/Gg", Ipcc2006Energy));
    }

    /// Density of liquid fuels, kg per litre (§12.3, national data preferred) [R].
    public static DefaultValue? Density(FuelType fuel) => fuel switch
    {
        FuelType.Diesel => new(0.84m, "kg/L", "gcf-reference §12.3 default density [R]"),
        FuelType.Gasoline => new(0.74m, "kg/L", "gcf-reference §12.3 default density [R]"),
        FuelType.Lpg => new(0.54m, "kg/L", "gcf-reference §12.3 default density [R]"),
        _ => null,
    };

    /// Biomass CO2 is a memo item: zero for renewable biomass (§12.3).
    public static bool IsBiogenic(FuelType fuel) => fuel == FuelType.Wood;

    /// Density of methane at 0 °C and 101.325 kPa, t per Nm3 (§12.4).
    public static readonly DefaultValue MethaneDensity = new(0.0007168m, "t/Nm3", "CDM flaring tool; ideal gas at 0 °C, 101.325 kPa (gcf-reference §12.4)");

    public static DefaultValue DestructionEfficiency(DestructionDevice device) => device switch
    {
        DestructionDevice.EngineOrBoiler => new(1.00m, "fraction", "CDM flaring tool, engines and boilers with monitoring (gcf-reference §12.4) [R]"),
        DestructionDevice.EnclosedFlare => new(0.90m, "fraction", "CDM flaring tool, enclosed flare default (gcf-reference §12.4) [R]"),
        _ => new(0.50m, "fraction", "CDM flaring tool, open flare default (gcf-reference §12.4) [R]"),
    };

    /// Degradable organic carbon, wet basis (§12.5).
    public static DefaultValue DegradableOrganicCarbon(WasteKind kind) => new(kind switch
    {
        WasteKind.Food => 0.15m,
        WasteKind.Garden => 0.20m,
        WasteKind.Paper => 0.40m,
        WasteKind.Wood => 0.43m,
        _ => 0.24m,
    }, "fraction (wet)", Ipcc2006Waste);

    public static readonly DefaultValue DecomposableFraction = new(0.5m, "fraction", "IPCC 2006 default DOCf (gcf-reference §12.5)");
    public static readonly DefaultValue MethaneFractionInGas = new(0.5m, "fraction", "IPCC 2006 default F (gcf-reference §12.5) [R]");

    public static DefaultValue MethaneCorrection(LandfillType landfill) => new(landfill switch
    {
        LandfillType.ManagedAnaerobic => 1.0m,
        LandfillType.ManagedSemiAerobic => 0.5m,
        LandfillType.UnmanagedDeep => 0.8m,
        LandfillType.UnmanagedShallow => 0.4m,
        _ => 0.6m,
    }, "fraction", Ipcc2006Waste);

    /// Oxidation factor: 0.1 for managed sites with an oxidising cover, else 0 (§12.5) [R].
    public static DefaultValue Oxidation(LandfillType landfill) => landfill is LandfillType.ManagedAnaerobic or LandfillType.ManagedSemiAerobic
        ? new(0.1m, "fraction", "IPCC 2006 OX for managed sites (gcf-reference §12.5) [R]")
        : new(0m, "fraction", "IPCC 2006 OX for unmanaged sites (gcf-reference §12.5) [R]");

    /// First-order decay rate k per year (§12.5, IPCC Table 3.3) [R]: food waste and bulk MSW.
    public static DefaultValue DecayRate(WasteKind kind, ClimateZone zone)
    {
        var food = kind == WasteKind.Food;
        var k = zone switch
        {
            ClimateZone.TemperateDry => food ? 0.06m : 0.05m,
            ClimateZone.TemperateWet => food ? 0.185m : 0.09m,
            ClimateZone.TropicalDry => food ? 0.085m : 0.065m,
            _ => food ? 0.40m : 0.17m,
        };
        return new(k, "1/yr", "IPCC 2006 Vol. 5 Table 3.3 (gcf-reference §12.5) [R]");
    }

    /// Process emissions of composting and digestion, g CH4 per kg wet waste (§12.5, IPCC Table 4.1) [R].
    public static DefaultValue TreatmentMethane(DiversionTreatment treatment) => treatment switch
    {
        DiversionTreatment.Composting => new(4m, "g CH4/kg", "IPCC 2006 Vol. 5 Table 4.1 composting (gcf-reference §12.5) [R]"),
        DiversionTreatment.AnaerobicDigestion => new(0.8m, "g CH4/kg", "IPCC 2006 Vol. 5 Table 4.1 anaerobic digestion (gcf-reference §12.5) [R]"),
        _ => new(0m, "g CH4/kg", "recycling: no process methane"),
    };

    public static readonly DefaultValue CompostingNitrousOxide = new(0.24m, "g N2O/kg", "IPCC 2006 Vol. 5 Table 4.1 composting (gcf-reference §12.5) [R]");

    /// Maximum methane producing capacity B0 (§12.6).
    public static DefaultValue MaxMethaneCapacity(OrganicLoadBasis basis) => basis == OrganicLoadBasis.Bod
        ? new(0.6m, "kg CH4/kg BOD", "IPCC 2006 Vol. 5 ch. 6 (gcf-reference §12.6)")
        : new(0.25m, "kg CH4/kg COD", "IPCC 2006 Vol. 5 ch. 6 (gcf-reference §12.6)");

    public static DefaultValue WastewaterMcf(WastewaterTreatment treatment) => new(treatment switch
    {
        WastewaterTreatment.AerobicWellManaged => 0m,
        WastewaterTreatment.AerobicOverloaded => 0.3m,
        WastewaterTreatment.AnaerobicReactor => 0.8m,
        WastewaterTreatment.AnaerobicShallowLagoon => 0.2m,
        WastewaterTreatment.AnaerobicDeepLagoon => 0.8m,
        WastewaterTreatment.SepticSystem => 0.5m,
        _ => 0.1m,
    }, "fraction", "IPCC 2006 Vol. 5 ch. 6 MCF (gcf-reference §12.6)");

    /// Carbon fraction of dry matter (IPCC AFOLU default).
    public static readonly DefaultValue CarbonFraction = new(0.47m, "t C/t dm", "IPCC 2006 Vol. 4 default carbon fraction (gcf-reference §12.9) [R]");

    /// Technical life in years to propose (§12.8) [R]: vehicles (e-bus 12 years) last less than
    /// the infrastructure of a modal shift (BRT, cycle lanes: 20–30 years, 25 proposed).
    public static int TechnicalLife(MitigationMeasure measure) =>
        measure.Method == CalculationMethod.Transport && measure.Transport is { Fleet: null, ModalShifts.Count: > 0 } ? 25 : TechnicalLife(measure.Method);

    public static int TechnicalLife(CalculationMethod method) => method switch
    {
        CalculationMethod.GridElectricity => 15,
        CalculationMethod.Transport => 12,
        CalculationMethod.LandfillGas => 15,
        CalculationMethod.Buildings => 25,
        CalculationMethod.TreePlanting => 30,
        _ => 15,
    };
}
