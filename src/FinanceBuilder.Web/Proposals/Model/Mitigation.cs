namespace FinanceBuilder.Web.Proposals.Model;

/// A mitigation measure with the inputs its emission calculator needs (gcf-reference §12).
/// Exactly one input block matches Method; calculators (a later issue) read it and write their
/// results back as computed, read-only values.
public sealed class MitigationMeasure
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    [LongText] public string? Description { get; set; }
    public required CalculationMethod Method { get; set; }
    /// Component this measure belongs to (Component.Id).
    [Identifier] public string? ComponentId { get; set; }
    /// Technical life of the asset in years (§12.8 defaults); bounds the crediting period.
    public int? TechnicalLifeYears { get; set; }
    [Year] public int? FirstYearOfOperation { get; set; }
    public GwpSet GwpSet { get; set; } = GwpSet.Ar5;
    /// The counterfactual decides the label (§12.1).
    public EmissionEffect? Effect { get; set; }
    [LongText] public string? BaselineScenario { get; set; }

    /// A reduction computed outside FinanceBuilder (e.g. by the accredited entity's own method),
    /// used when the method's inputs are not given: the figure, the method and its source.
    public ReportedReduction? Reported { get; set; }

    /// The people a mitigation measure reaches too — households connected, passengers carried —
    /// direct and indirect, by sex (IRMF core indicator 2 counts them for mitigation as well).
    /// Null until counted, so a measure without them stays out of the file.
    public Beneficiaries? Beneficiaries { get; set; }

    public GridElectricityInputs? GridElectricity { get; set; }
    public FuelSwitchInputs? FuelSwitch { get; set; }
    public LandfillGasInputs? LandfillGas { get; set; }
    public WasteDiversionInputs? WasteDiversion { get; set; }
    public WastewaterInputs? Wastewater { get; set; }
    public TransportInputs? Transport { get; set; }
    public BuildingsInputs? Buildings { get; set; }
    public TreePlantingInputs? TreePlanting { get; set; }
}

public sealed class ReportedReduction
{
    [AllowNegative(-1e12, 1e12)] public decimal? AnnualTco2e { get; set; }
    [AllowNegative(-1e12, 1e12)] public decimal? LifetimeTco2e { get; set; }
    /// The methodology used ("IFI joint approach, transport", "CDM AMS-III.U"…).
    [ShortText] public string? Method { get; set; }
    /// Where the figure comes from (feasibility study, AE appraisal report…).
    [ShortText] public string? Source { get; set; }
}

/// The eight methods M1–M8 of gcf-reference §12.
public enum CalculationMethod
{
    GridElectricity, FuelSwitch, LandfillGas, WasteDiversion, Wastewater, Transport, Buildings, TreePlanting,
}

public enum GwpSet { Ar4, Ar5, Ar6 }

public enum EmissionEffect { Reduced, Avoided, Removed }

/// M1: renewable generation or electricity savings displacing grid power.
public sealed class GridElectricityInputs
{
    /// Photovoltaic or other generation, if any.
    public Generation? Generation { get; set; }
    /// Demand-side savings (street lights, pumps, motors).
    [MaxItems(50)] public List<EquipmentSaving> Savings { get; set; } = [];
    /// tCO2/MWh with its source (IFI harmonised factor, national CM, TOOL07).
    public Factor? GridEmissionFactor { get; set; }
    /// Transmission and distribution losses for the optional gross-up of savings, in percent.
    [Percent] public decimal? TransmissionLossPercent { get; set; }
    /// Project emissions: auxiliary consumption in MWh per year.
    public decimal? AuxiliaryConsumptionMwh { get; set; }
}

public sealed class Generation
{
    public decimal? InstalledCapacityKwp { get; set; }
    /// kWh per kWp per year.
    public decimal? SpecificYield { get; set; }
    [Percent] public decimal? AnnualDegradationPercent { get; set; }
}

public sealed class EquipmentSaving
{
    [ShortText] public string? Description { get; set; }
    public int? Units { get; set; }
    public decimal? BaselineKw { get; set; }
    public decimal? ProjectKw { get; set; }
    public decimal? HoursPerYear { get; set; }
}

/// M2: fuel switch or fuel efficiency (boilers, generators, fleet).
public sealed class FuelSwitchInputs
{
    [MaxItems(20)] public List<FuelUse> Baseline { get; set; } = [];
    [MaxItems(20)] public List<FuelUse> Project { get; set; } = [];
    /// Electricity the project consumes, MWh per year (project emissions).
    public decimal? ProjectElectricityMwh { get; set; }
    public Factor? GridEmissionFactor { get; set; }
}

public sealed class FuelUse
{
    public required FuelType Fuel { get; set; }
    public decimal? Quantity { get; set; }
    public required FuelUnit Unit { get; set; }
    /// Override of the IPCC default factor (kg CO2/TJ) with its source.
    public Factor? EmissionFactor { get; set; }
}

public enum FuelType
{
    NaturalGas, Diesel, Gasoline, Lpg, ResidualFuelOil, Kerosene, BituminousCoal, Lignite, Anthracite, Wood,
}

public enum FuelUnit { Litre, Tonne, Mwh, Terajoule, CubicMetre }

/// M3: landfill gas capture and destruction.
public sealed class LandfillGasInputs
{
    /// Normal cubic metres of landfill gas collected per year.
    public decimal? GasCollectedNm3 { get; set; }
    [Percent] public decimal? MethaneFractionPercent { get; set; }
    public DestructionDevice? Device { get; set; }
    public Factor? DestructionEfficiency { get; set; }
    public decimal? ElectricityExportedMwh { get; set; }
    public Factor? GridEmissionFactor { get; set; }
    /// tCO2e per year from pumps and flare fuel.
    public decimal? ProjectEmissionsTco2e { get; set; }
}

public enum DestructionDevice { EngineOrBoiler, EnclosedFlare, OpenFlare }

/// M4: waste diverted from landfill to composting, digestion or recycling (first-order decay).
public sealed class WasteDiversionInputs
{
    [MaxItems(10)] public List<WasteFraction> Streams { get; set; } = [];
    public LandfillType? Landfill { get; set; }
    public ClimateZone? ClimateZone { get; set; }
    public DiversionTreatment? Treatment { get; set; }
    public int? CreditingYears { get; set; }
    /// tCO2e per year from treatment, transport and electricity.
    public decimal? ProjectEmissionsTco2e { get; set; }
}

public sealed class WasteFraction
{
    public required WasteKind Kind { get; set; }
    /// Wet tonnes diverted per year.
    public decimal? TonnesPerYear { get; set; }
}

public enum WasteKind { Food, Garden, Paper, Wood, Textiles }

public enum LandfillType { ManagedAnaerobic, ManagedSemiAerobic, UnmanagedDeep, UnmanagedShallow, Uncategorised }

public enum ClimateZone { TemperateDry, TemperateWet, TropicalDry, TropicalWet }

public enum DiversionTreatment { Composting, AnaerobicDigestion, Recycling }

/// M5: methane from wastewater and sludge.
public sealed class WastewaterInputs
{
    /// Organic load per year, kg of BOD or COD (see LoadBasis).
    public decimal? OrganicLoadKg { get; set; }
    public OrganicLoadBasis LoadBasis { get; set; } = OrganicLoadBasis.Bod;
    public WastewaterTreatment? BaselineTreatment { get; set; }
    public WastewaterTreatment? ProjectTreatment { get; set; }
    /// kg CH4 recovered per year in the project.
    public decimal? MethaneRecoveredKg { get; set; }
}

public enum OrganicLoadBasis { Bod, Cod }

public enum WastewaterTreatment
{
    AerobicWellManaged, AerobicOverloaded, AnaerobicReactor, AnaerobicShallowLagoon, AnaerobicDeepLagoon,
    SepticSystem, UntreatedDischarge,
}

/// M6: modal shift, fleet renewal, e-buses (ASIF logic).
public sealed class TransportInputs
{
    [MaxItems(10)] public List<ModalShift> ModalShifts { get; set; } = [];
    public FleetRenewal? Fleet { get; set; }
    /// Percent of the gross reduction deducted for induced traffic.
    [Percent] public decimal? InducedTrafficPercent { get; set; }
}

public sealed class ModalShift
{
    public required TransportMode FromMode { get; set; }
    public required TransportMode ToMode { get; set; }
    /// Passenger-kilometres shifted per year.
    public decimal? PassengerKmPerYear { get; set; }
    /// kg CO2 per passenger-km of the mode left and of the mode taken.
    public Factor? FromEmissionFactor { get; set; }
    public Factor? ToEmissionFactor { get; set; }
}

public enum TransportMode { Car, Motorcycle, Minibus, DieselBus, ElectricBus, Brt, Rail, Bicycle, Walking }

public sealed class FleetRenewal
{
    public int? Vehicles { get; set; }
    public decimal? KmPerVehiclePerYear { get; set; }
    /// Baseline fuel economy, litres per 100 km.
    public decimal? BaselineLitresPer100Km { get; set; }
    public FuelType BaselineFuel { get; set; } = FuelType.Diesel;
    /// Electric vehicles: kWh per km; zero for a fuel-to-fuel renewal.
    public decimal? ProjectKwhPerKm { get; set; }
    public decimal? ProjectLitresPer100Km { get; set; }
    [Percent] public decimal? ChargingLossPercent { get; set; }
    public Factor? GridEmissionFactor { get; set; }
}

/// M7: buildings, heat and water pumping: savings per energy carrier.
public sealed class BuildingsInputs
{
    [MaxItems(20)] public List<CarrierSaving> Savings { get; set; } = [];
    public Factor? GridEmissionFactor { get; set; }
}

public sealed class CarrierSaving
{
    public required EnergyCarrier Carrier { get; set; }
    public decimal? MwhPerYear { get; set; }
    /// tCO2/MWh for district heat or an override of a fuel's default factor.
    public Factor? EmissionFactor { get; set; }
}

public enum EnergyCarrier { Electricity, NaturalGas, Diesel, Lpg, FuelOil, DistrictHeat, Biomass }

/// M8: urban trees and restoration (removals; higher uncertainty, needs a permanence narrative).
public sealed class TreePlantingInputs
{
    public decimal? AreaHectares { get; set; }
    /// Tonnes of dry matter per hectare per year.
    public Factor? BiomassIncrement { get; set; }
    /// Carbon fraction of dry matter (IPCC default 0.47).
    public Factor? CarbonFraction { get; set; }
    [LongText] public string? PermanenceNarrative { get; set; }
}
