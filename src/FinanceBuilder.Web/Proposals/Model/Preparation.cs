namespace FinanceBuilder.Web.Proposals.Model;

/// A request to the GCF's Project Preparation Facility (gcf-reference §4.3): the studies and
/// preparation the GCF is asked to fund before the funding proposal, on the PPF route. The
/// amount requested is the GCF request (financing.gcfInstruments: grant, reimbursable grant or
/// equity), so the financing checks and R-035's ceiling read it as for any route.
public sealed class PreparationRequest
{
    public PpfModality? Modality { get; set; }
    /// The concept note the request builds on: a PPF request follows or comes with one.
    [ShortText] public string? ConceptNoteReference { get; set; }
    public DateOnly? ConceptNoteSubmitted { get; set; }
    /// Months of preparation, from approval of the PPF to submission of the funding proposal.
    public int? PreparationMonths { get; set; }
    public DateOnly? FundingProposalExpected { get; set; }
    /// What the funding proposal being prepared is expected to ask of the GCF: the PPF must be
    /// commensurate with it.
    public Money? ExpectedGcfRequest { get; set; }
    /// Why preparation support is needed: the gaps in studies, capacity or funds it fills.
    [LongText] public string? Need { get; set; }
    /// Who procures, carries out and supervises the activities; how progress is reported.
    [LongText] public string? Implementation { get; set; }
    [MaxItems(30)] public List<PreparationActivity> Activities { get; set; } = [];
}

/// PPF funding (the accredited entity procures) or PPF service (the GCF procures).
public enum PpfModality { Funding, Service }

/// The activities the PPF may fund (gcf-reference §4.3).
public enum PreparationActivityKind
{
    Feasibility, EnvironmentalSocialGender, RiskAssessment, Indicators, PreContract, FinancialStructuring, Other,
}

/// One preparation activity, with what it delivers to the funding proposal and what it costs.
public sealed class PreparationActivity
{
    [Identifier] public required string Id { get; set; }
    public PreparationActivityKind? Kind { get; set; }
    [ShortText] public string? Description { get; set; }
    /// The study or document it delivers, which the funding proposal will use.
    [ShortText] public string? Deliverable { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    /// The part the PPF pays.
    public Money? Cost { get; set; }
    /// The part the applicant or others pay (counterpart support is encouraged).
    public Money? Counterpart { get; set; }
}
