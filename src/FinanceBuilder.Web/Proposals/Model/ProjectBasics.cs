namespace FinanceBuilder.Web.Proposals.Model;

/// Cover block and section A facts of the funding proposal (gcf-reference §3.1–3.2).
public sealed class ProjectBasics
{
    /// Should name the country; under 100 characters.
    [ShortText] public string? Title { get; set; }
    public ProjectKind? Kind { get; set; }
    public Sector? Sector { get; set; }
    public Focus? Focus { get; set; }
    public EconomicSector? EconomicSector { get; set; }
    [MaxItems(20)] public List<CountryRef> Countries { get; set; } = [];
    [MaxItems(100)] public List<Location> Locations { get; set; } = [];
    /// The communes, municipalities or districts the project covers: the documents list them
    /// where the template asks where the project is, and their populations are the population
    /// the beneficiaries are a share of.
    [MaxItems(500)] public List<LocalGovernment> LocalGovernments { get; set; } = [];
    [MaxItems(8)] public List<ResultAreaShare> ResultAreas { get; set; } = [];
    /// Size category the applicant declares (R-010 compares it with the computed one).
    public SizeCategory? DeclaredSizeCategory { get; set; }
    public DateOnly? ImplementationStart { get; set; }
    public DateOnly? ImplementationEnd { get; set; }
    /// A.11, in months.
    public int? ImplementationMonths { get; set; }
    /// A.12, in years.
    public int? LifespanYears { get; set; }
    public DateOnly? FirstSubmissionDate { get; set; }
    public DateOnly? CurrentSubmissionDate { get; set; }
    /// "V.000" pattern.
    [ShortText] public string? VersionNumber { get; set; }
    /// A.13: the AE's own board, not the GCF Board.
    public DateOnly? ExpectedAeApprovalDate { get; set; }
    public DateOnly? TargetBoardDate { get; set; }
    public bool? SubmittedUnderRfp { get; set; }
    [ShortText] public string? RfpName { get; set; }
    public bool? SubmittedAsConceptNoteBefore { get; set; }
    public bool? PreparationSupportUsed { get; set; }
    [ShortText] public string? PreparationSupportReference { get; set; }
    public bool? InEntityWorkProgramme { get; set; }
    public bool? InCountryProgramme { get; set; }
    /// Programme whose sub-projects are not identified yet.
    public bool? SubProjectsToBeIdentified { get; set; }
}

public enum ProjectKind { Project, Programme }

public enum Sector { Public, Private }

public enum Focus { Mitigation, Adaptation, CrossCutting }

public enum EconomicSector
{
    Energy, Transport, BuildingsAndCities, Waste, Water, AgricultureAndForestry, Ecosystems,
    Health, Infrastructure, MultiSector,
}

public sealed class CountryRef
{
    [CountryCode] public required string Code { get; set; }
}

public sealed class Location
{
    [ShortText] public string? Name { get; set; }
    [CountryCode] public string? CountryCode { get; set; }
    [ShortText] public string? AdministrativeArea { get; set; }
    [AllowNegative(-90, 90)] public decimal? Latitude { get; set; }
    [AllowNegative(-180, 180)] public decimal? Longitude { get; set; }
    public long? Population { get; set; }
}

/// A local government the project covers, with the population it is counted against.
public sealed class LocalGovernment
{
    [ShortText] public string? Name { get; set; }
    public LocalGovernmentLevel? Level { get; set; }
    /// How many local governments this line stands for when they are not named one by one
    /// ("the 65 municipalities of the four states", "120 gewogs"); empty for one named local
    /// government. The population is then that of the whole group.
    public int? Count { get; set; }

    /// The local governments this line counts for: its Count, else one.
    public int Places() => Count is > 0 ? Count.Value : 1;
    [CountryCode] public string? CountryCode { get; set; }
    public long? Population { get; set; }
    [ShortText] public string? PopulationSource { get; set; }
    [Year] public int? PopulationYear { get; set; }
    [AllowNegative(-90, 90)] public decimal? Latitude { get; set; }
    [AllowNegative(-180, 180)] public decimal? Longitude { get; set; }
}

/// The tier of a local government, as national law names it (a commune is a municipality).
public enum LocalGovernmentLevel { Municipality, District, Province, Metropolitan, Village, Other }

public sealed class ResultAreaShare
{
    public required ResultArea Area { get; set; }
    /// Share of the GCF amount for this area, in percent (R-012: shares sum to 100).
    [Percent] public decimal? SharePercent { get; set; }
}
