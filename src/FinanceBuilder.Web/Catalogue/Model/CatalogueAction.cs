using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Catalogue.Model;

/// One local climate action as the public catalogue shows it (docs/catalogue.md). It holds only
/// what may become public: an organisation prepares it (from a proposal or by hand), sees it as
/// the public will, and publishes it. Nothing of the proposal reaches it but what the mapping
/// (ActionFromProposal) copies into these fields — no person, no annex, no review, no draft
/// figure — so a published page cannot leak what the record never held. The limits are the
/// proposal model's attributes, checked by the same code (ProposalInputCheck.CheckNode).
public sealed class CatalogueAction
{
    public const int MaxCommunes = 200;
    public const int MaxFunding = 30;
    public const int MaxResults = 30;

    /// The language the title and summary are written in (EN or FR).
    public Language Language { get; set; } = Language.En;
    [ShortText] public string? Title { get; set; }
    [LongText] public string? Summary { get; set; }
    /// The title and summary in the other language, when the organisation gives them.
    public ActionTranslation? Translation { get; set; }

    [CountryCode] public string? CountryCode { get; set; }
    /// Region, department, province: as the country names it.
    [ShortText] public string? AdministrativeArea { get; set; }
    /// Its official code in the country when the publisher knows it (ISO 3166-2 "SN-SL", a
    /// census code): the action is then listed on that territory's page, beside the values
    /// published for it, as a commune's code does.
    [Identifier] public string? AdministrativeAreaCode { get; set; }
    [MaxItems(MaxCommunes)] public List<ActionCommune> Communes { get; set; } = [];

    [MaxItems(3)] public List<ActionFocus> Focus { get; set; } = [];
    [MaxItems(8)] public List<ResultArea> ResultAreas { get; set; } = [];
    [MaxItems(13)] public List<HazardType> Hazards { get; set; } = [];
    [MaxItems(10)] public List<EconomicSector> Sectors { get; set; } = [];
    public ActionStatus Status { get; set; } = ActionStatus.Idea;

    /// The whole cost, in the action's currency.
    public Money? TotalCost { get; set; }
    /// The same in US dollars when the currency is another: the GCF's size bands are in USD.
    public decimal? TotalCostUsd { get; set; }

    /// The cost in US dollars: the cost itself when it is in dollars, else the figure given in USD.
    public decimal? CostInUsd() => TotalCost is { Currency: "USD" } usd ? usd.Amount : TotalCostUsd;
    [MaxItems(MaxFunding)] public List<ActionFunding> Funding { get; set; } = [];
    [MaxItems(MaxResults)] public List<ActionResult> Results { get; set; } = [];

    public ParticipationLevel? Participation { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedEnd { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualEnd { get; set; }

    /// Who answers questions, as a role or a service ("Environment department"), never a person.
    [ShortText] public string? ContactRole { get; set; }
    /// The funded project's page (the GCF project page once approved) or its reference ("SAP023").
    [ShortText] public string? FundedProjectUrl { get; set; }
    [Identifier] public string? GcfReference { get; set; }

    public DataLicence Licence { get; set; } = DataLicence.CcBy40;

    /// The organisation agrees that the values it reported to the funder (the years whose annual
    /// report was sent) are shown with the results and in the open data. Off unless ticked.
    public bool ShowProgress { get; set; }

    /// The public consultation of the proposal behind the action, filled at publication when the
    /// organisation chose to show it on the catalogue (its public page's setting); never typed.
    public ActionConsultation? Consultation { get; set; }
}

/// What the catalogue shows of a proposal's consultation: the summary written for residents, the
/// page's address and period, and counts — people only from five up (docs/decisions/0022).
public sealed class ActionConsultation
{
    [LongText] public string? Summary { get; set; }
    [ShortText] public string? PageUrl { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public int? ConsultationsHeld { get; set; }
    /// People who took part in the recorded consultations; none when fewer than five.
    public long? Participants { get; set; }
    public int? CommentsPublished { get; set; }
}

public sealed class ActionTranslation
{
    public Language Language { get; set; } = Language.Fr;
    [ShortText] public string? Title { get; set; }
    [LongText] public string? Summary { get; set; }
}

/// A commune (or other local government) the action covers, with its official code where one is
/// known: the INSEE code of a French commune, a national statistics code elsewhere.
public sealed class ActionCommune
{
    [ShortText] public string? Name { get; set; }
    [Identifier] public string? Code { get; set; }
}

public enum ActionFocus { Mitigation, Adaptation, NaturalResources }

/// The life of an action, from an idea to its end (docs/catalogue.md maps each to IATI's
/// activity status and to the projets-territoire phase).
public enum ActionStatus { Idea, Study, FinancingSought, Financed, InProgress, Completed, Paused, Abandoned }

public enum FundingState { Sought, Obtained }

/// A source of money for the action: the GCF, a co-financier, the commune's own budget.
public sealed class ActionFunding
{
    [ShortText] public string? Source { get; set; }
    public FinancialInstrument? Instrument { get; set; }
    public Money? Amount { get; set; }
    public FundingState State { get; set; } = FundingState.Sought;
}

/// An expected result and how it is measured.
public sealed class ActionResult
{
    [ShortText] public string? Indicator { get; set; }
    [ShortText] public string? Unit { get; set; }
    public IrmfCore? IrmfCore { get; set; }
    [AllowNegative(-1e15, 1e15)] public decimal? Baseline { get; set; }
    [Year] public int? BaselineYear { get; set; }
    [AllowNegative(-1e15, 1e15)] public decimal? Target { get; set; }
    [Year] public int? TargetYear { get; set; }
    /// The indicator's code in the proposal's results framework ("C2.1"), which links it to the
    /// values reported after approval.
    [Identifier] public string? Code { get; set; }
    /// The values reported year by year, filled at publication from the reports sent to the
    /// funder when the organisation agreed (ShowProgress); never typed.
    [MaxItems(MaxActuals)] public List<ResultActual> Actuals { get; set; } = [];
    /// The approved project's mid-term target and the year it falls in (halfway through the
    /// reporting years), filled with the progress and never typed.
    [AllowNegative(-1e15, 1e15)] public decimal? MidTermTarget { get; set; }
    [Year] public int? MidTermYear { get; set; }

    public const int MaxActuals = 30;
}

/// A value reported for one year.
public sealed class ResultActual
{
    [Year] public required int Year { get; set; }
    [AllowNegative(-1e15, 1e15)] public required decimal Value { get; set; }
}


/// The licence the publishing organisation chooses for its open data.
public enum DataLicence { CcBy40, LicenceOuverte20 }
