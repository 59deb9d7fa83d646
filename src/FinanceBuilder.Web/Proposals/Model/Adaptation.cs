namespace FinanceBuilder.Web.Proposals.Model;

/// An adaptation option (gcf-reference §8, §12.10): what hazard it answers, to which design
/// standard, who benefits (IRMF core 2), which assets (core 3) and hectares (core 4).
public sealed class AdaptationMeasure
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    [LongText] public string? Description { get; set; }
    [Identifier] public string? ComponentId { get; set; }
    [MaxItems(13)] public List<HazardType> HazardsAddressed { get; set; } = [];
    /// Return period of the design event, in years (e.g. 1-in-25-year rainfall).
    public int? DesignReturnPeriodYears { get; set; }
    public Beneficiaries Beneficiaries { get; set; } = new();
    [MaxItems(50)] public List<ProtectedAsset> AssetsProtected { get; set; } = [];
    public decimal? Hectares { get; set; }
    [LongText] public string? ResidualRisk { get; set; }
    [LongText] public string? AlternativesConsidered { get; set; }
    public Money? Cost { get; set; }
    public Money? AnnualOperatingCost { get; set; }
    /// Avoided expected annual damage (EAD) used in the economic analysis.
    public Money? AvoidedAnnualDamage { get; set; }
}

/// Direct and indirect beneficiaries, kept apart and never summed (IRMF core 2, R-042).
public sealed class Beneficiaries
{
    public PeopleCount Direct { get; set; } = new();
    public PeopleCount Indirect { get; set; } = new();
    /// How people were counted (footprint, service area, catchment).
    [LongText] public string? CountingBasis { get; set; }
    public long? ServiceAreaPopulation { get; set; }
    [ShortText] public string? PopulationSource { get; set; }
    [Year] public int? PopulationYear { get; set; }
    /// Where the indirect beneficiaries live when it is wider than the service area (a river
    /// basin, the region): they are then compared with that area's population, not the service area's.
    [ShortText] public string? IndirectArea { get; set; }
    public long? IndirectAreaPopulation { get; set; }

    /// Whether any beneficiary is counted.
    public bool Counted() => Direct.Known() is not null || Indirect.Known() is not null;
}

public sealed class ProtectedAsset
{
    public required AssetType Type { get; set; }
    [ShortText] public string? Description { get; set; }
    public int? Count { get; set; }
    /// Replacement value at the design standard (IRMF core 3).
    public Money? ReplacementValue { get; set; }
}

public enum AssetType { Housing, Road, Bridge, Drainage, WaterSupply, School, HealthFacility, Market, PublicBuilding, EnergyInfrastructure, Farmland, Other }

/// Protection of natural resources: water, soils, biodiversity, ecosystems.
public sealed class ResourceProtectionMeasure
{
    [Identifier] public required string Id { get; set; }
    public required NaturalResource Resource { get; set; }
    [ShortText] public string? Name { get; set; }
    [LongText] public string? Description { get; set; }
    [Identifier] public string? ComponentId { get; set; }
    public decimal? AreaHectares { get; set; }
    /// The adaptation measure whose land this is, when the record describes the natural side
    /// of that measure's hectares (the wetlands an urban flood measure restores): the area is
    /// then counted once in IRMF core indicator 4, with the measure.
    [Identifier] public string? AdaptationMeasureId { get; set; }

    /// Whether the area adds to core indicator 4 (not when it is an adaptation measure's land).
    public bool AddsHectares(Proposal proposal) =>
        AdaptationMeasureId is not { } measure || !proposal.AdaptationMeasures.Any(m => m.Id == measure && m.Hectares is not null);
    /// Protected area or critical habitat inside the footprint (screening, R-061).
    public bool? InProtectedArea { get; set; }
    [LongText] public string? Baseline { get; set; }
    [LongText] public string? ExpectedOutcome { get; set; }
}

public enum NaturalResource { Water, Soil, Biodiversity, Ecosystem }
