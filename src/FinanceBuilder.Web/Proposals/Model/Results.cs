namespace FinanceBuilder.Web.Proposals.Model;

/// Section E: the logical framework, aligned with the IRMF (gcf-reference §3.6, §6.2).
public sealed class ResultsFramework
{
    [LongText] public string? ParadigmShiftObjective { get; set; }
    [MaxItems(30)] public List<Outcome> Outcomes { get; set; } = [];
    [MaxItems(100)] public List<Indicator> Indicators { get; set; } = [];
}

public sealed class Outcome
{
    [Identifier] public required string Id { get; set; }
    [LongText] public string? Statement { get; set; }
    /// each outcome serves at least one result area.
    [MaxItems(8)] public List<ResultArea> ResultAreas { get; set; } = [];
}

/// The canonical indicator record of §3.6.
public sealed class Indicator
{
    [Identifier] public required string Code { get; set; }
    public required ResultLevel Level { get; set; }
    public ResultArea? ResultArea { get; set; }
    /// The outcome or output this indicator measures (Outcome.Id / Output.Id).
    [Identifier] public string? MeasuresId { get; set; }
    [ShortText] public string? Name { get; set; }
    [ShortText] public string? Unit { get; set; }
    [AllowNegative(-1e15, 1e15)] public decimal? BaselineValue { get; set; }
    [Year] public int? BaselineYear { get; set; }
    /// Where the baseline comes from ("Ghana Statistical Service, 2021 census"): filled when the
    /// baseline is taken from the shared library of territorial indicators, or typed.
    [ShortText] public string? BaselineSource { get; set; }
    [AllowNegative(-1e15, 1e15)] public decimal? MidTermTarget { get; set; }
    [AllowNegative(-1e15, 1e15)] public decimal? FinalTarget { get; set; }
    [Year] public int? TargetYear { get; set; }
    /// Targets split by sex for people-based indicators.
    public PeopleCount? FinalTargetBySex { get; set; }
    public Disaggregation Disaggregation { get; set; } = new();
    [LongText] public string? MeansOfVerification { get; set; }
    public Frequency? Frequency { get; set; }
    [ShortText] public string? Responsible { get; set; }
    [LongText] public string? Assumptions { get; set; }
    /// IRMF core indicator this row reports, if any.
    public IrmfCore? IrmfCore { get; set; }
}

public enum ResultLevel { Impact, Outcome, Output }

public enum Frequency { Monthly, Quarterly, SemiAnnual, Annual, MidTermAndFinal, Final }

public enum IrmfCore { Core1, Core2, Core3, Core4, Core5, Core6, Core7, Core8 }

public sealed class Disaggregation
{
    public bool BySex { get; set; }
    public bool ByAge { get; set; }
    public bool ByLocation { get; set; }
}
