namespace FinanceBuilder.Web.Proposals.Model;

/// Problem and baseline (wizard step 3, gcf-reference §8): structured facts from which B.1, D.1
/// and D.4 are written, so a reviewer sees climate change as the driver, not business as usual.
public sealed class ClimateRationale
{
    [Narrative] public string? Context { get; set; }
    [MaxItems(30)] public List<Hazard> Hazards { get; set; } = [];
    public BaselineEmissions? BaselineEmissions { get; set; }
    public Vulnerability Vulnerability { get; set; } = new();
    [MaxItems(30)] public List<Barrier> Barriers { get; set; } = [];
    [MaxItems(30)] public List<PolicyReference> PolicyAlignment { get; set; } = [];
}

public sealed class Hazard
{
    public required HazardType Type { get; set; }
    [LongText] public string? Description { get; set; }
    [LongText] public string? CurrentFrequency { get; set; }
    [MaxItems(50)] public List<HistoricalEvent> HistoricalEvents { get; set; } = [];
    public ProjectedChange? ProjectedChange { get; set; }
}

public sealed class HistoricalEvent
{
    public DateOnly? Date { get; set; }
    [LongText] public string? Description { get; set; }
    public Money? Losses { get; set; }
    public long? PeopleAffected { get; set; }
}

public sealed class ProjectedChange
{
    [ShortText] public string? Scenario { get; set; }
    [Year] public int? HorizonYear { get; set; }
    [LongText] public string? Description { get; set; }
    [ShortText] public string? Source { get; set; }
}

public sealed class BaselineEmissions
{
    [Year] public int? Year { get; set; }
    public decimal? TotalTco2e { get; set; }
    [ShortText] public string? Source { get; set; }
    [MaxItems(30)] public List<SectorEmissions> Sectors { get; set; } = [];
}

public sealed class SectorEmissions
{
    [ShortText] public required string Sector { get; set; }
    [AllowNegative(-1e12, 1e12)] public required decimal Tco2e { get; set; }
}

public sealed class Vulnerability
{
    [Percent] public decimal? PovertyRatePercent { get; set; }
    [LongText] public string? VulnerableGroups { get; set; }
    [Narrative] public string? Description { get; set; }
    [LongText] public string? AdaptiveCapacity { get; set; }
}

public sealed class Barrier
{
    public required BarrierType Type { get; set; }
    [LongText] public string? Description { get; set; }
}

public enum BarrierType { Financial, Technical, Institutional, Regulatory, Capacity, Information, Market, Social }

/// A national or local plan the project implements (country ownership, D.5).
public sealed class PolicyReference
{
    public required PolicyDocumentType Type { get; set; }
    [ShortText] public string? Title { get; set; }
    /// Section, target or measure number inside the document.
    [ShortText] public string? Reference { get; set; }
    [LongText] public string? Description { get; set; }
}

public enum PolicyDocumentType { Ndc, Nap, NationalStrategy, CountryProgramme, LocalClimatePlan, Secap, Pcaet, SectorPlan, Other }
