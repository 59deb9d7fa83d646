namespace FinanceBuilder.Web.Proposals.Model;

/// Detailed budget (annex 4, C.2): every line by component, output, expenditure type, year,
/// currency and source, so totals by any of them can be reconciled.
public sealed class Budget
{
    /// Currency every document reports in (R-030: one per document; USD by default).
    [CurrencyCode] public string ReportingCurrency { get; set; } = "USD";
    /// A real programme's detailed budget runs to 2,000 lines (the wizard edits 50 rows a page).
    [MaxItems(2_000)] public List<BudgetLine> Lines { get; set; } = [];
}

public sealed class BudgetLine
{
    [Identifier] public string? ComponentId { get; set; }
    [Identifier] public string? OutputId { get; set; }
    /// The activity of that output the line pays for (Annex 4: component → output → activity).
    [Identifier] public string? ActivityId { get; set; }
    [ShortText] public string? Description { get; set; }
    public ExpenditureType? ExpenditureType { get; set; }
    [Year] public int? Year { get; set; }
    public required Money Amount { get; set; }
    public required FundingSourceKind Source { get; set; }
    /// Co-financier (CoFinancier.Id) when Source is CoFinancing.
    [Identifier] public string? CoFinancierId { get; set; }
    public FinancialInstrument? Instrument { get; set; }
    /// What one unit is ("workshop", "km of drain") when the line is costed as quantity × unit cost.
    [ShortText] public string? Unit { get; set; }
    /// Units bought this year; with UnitCost, Amount is their product, computed, never typed.
    public decimal? Quantity { get; set; }
    /// Cost of one unit in the line's currency, the same for every year of a budget-grid row.
    public decimal? UnitCost { get; set; }
    /// Annex 4's budget note: how the cost was estimated (a quotation, a past contract, a unit
    /// cost's source), the same for every year of a budget-grid row.
    [ShortText] public string? Note { get; set; }
}

public enum ExpenditureType { StaffAndConsultants, Travel, Goods, Works, Services, Other }

public enum FundingSourceKind { Gcf, CoFinancing }

public enum FinancialInstrument
{
    Grant, ReimbursableGrant, Guarantee, Equity, SubordinatedLoan, SeniorLoan, ResultsBasedPayment, InKind,
}

/// Section C.1: GCF request by instrument, co-financing by source, exchange rates and the
/// disbursement schedule. Totals are computed from these rows, never typed.
public sealed class Financing
{
    [MaxItems(8)] public List<GcfInstrument> GcfInstruments { get; set; } = [];
    [MaxItems(50)] public List<CoFinancier> CoFinancing { get; set; } = [];
    [MaxItems(50)] public List<ExchangeRate> ExchangeRates { get; set; } = [];
    [MaxItems(50)] public List<Disbursement> DisbursementSchedule { get; set; } = [];
    public Money? AccreditedEntityFee { get; set; }
    public Money? ProjectManagementCost { get; set; }
}

public sealed class GcfInstrument
{
    public required FinancialInstrument Instrument { get; set; }
    public required Money Amount { get; set; }
    public decimal? TenorYears { get; set; }
    public decimal? GracePeriodYears { get; set; }
    /// Interest rate or fee, in percent per year.
    [Percent] public decimal? PricingPercent { get; set; }

    /// How the money reaches those who spend it: kept by the project, granted on to
    /// sub-recipients (performance-based grants to communes), or lent on to sub-borrowers.
    /// On-granting needs the accredited entity's grant-award standard, on-lending its
    /// on-lending/blending one.
    public OnwardChannel? Channel { get; set; }
    /// The institution that passes the money on, when it is not the accredited entity itself
    /// (a national fund, a development bank).
    [ShortText] public string? Intermediary { get; set; }
    /// Who receives it ("25 communes", "households and SMEs").
    [ShortText] public string? Recipients { get; set; }
    /// Grants released against the recipients' performance (a yearly assessment of each commune).
    public bool? PerformanceBased { get; set; }
    /// The terms sub-borrowers get (on-lending, R-032): tenor, grace period and rate.
    public decimal? OnLendingTenorYears { get; set; }
    public decimal? OnLendingGracePeriodYears { get; set; }
    [Percent] public decimal? OnLendingRatePercent { get; set; }
}

public enum OnwardChannel { Direct, OnGranting, OnLending }

public sealed class CoFinancier
{
    [Identifier] public required string Id { get; set; }
    [ShortText] public string? Name { get; set; }
    public CoFinancierType? Type { get; set; }
    public required FinancialInstrument Instrument { get; set; }
    public required Money Amount { get; set; }
    public decimal? TenorYears { get; set; }
    public decimal? GracePeriodYears { get; set; }
    [Percent] public decimal? PricingPercent { get; set; }
    public Seniority? Seniority { get; set; }
    public CommitmentStatus? Status { get; set; }
}

/// Who co-finances. AccreditedEntity is the entity's own money (a national fund's grant, a
/// bank's loan); Ngo and Philanthropy are the non-profit sources local programmes often have.
public enum CoFinancierType { LocalGovernment, NationalGovernment, Multilateral, Bilateral, PrivateSector, Community, Other, Ngo, Philanthropy, AccreditedEntity }

public enum Seniority { Senior, Subordinated, PariPassu, NotApplicable }

public enum CommitmentStatus { Indicative, Committed }

/// A rate used to convert into the reporting currency, with its source and date.
public sealed class ExchangeRate
{
    [CurrencyCode] public required string From { get; set; }
    [CurrencyCode] public required string To { get; set; }
    /// Units of To for one unit of From.
    public required decimal Rate { get; set; }
    public DateOnly? Date { get; set; }
    [ShortText] public string? Source { get; set; }
}

public sealed class Disbursement
{
    [Year] public required int Year { get; set; }
    public required Money Amount { get; set; }
}

/// Wizard step 7: revenues and returns behind D.6 and the financial model annex.
public sealed class Economics
{
    public bool? GeneratesRevenue { get; set; }
    public Money? AnnualRevenue { get; set; }
    public Money? AnnualOperatingCost { get; set; }
    [Percent] public decimal? DiscountRatePercent { get; set; }
    [Percent] public decimal? EirrWithGcfPercent { get; set; }
    [Percent] public decimal? EirrWithoutGcfPercent { get; set; }
    [Percent] public decimal? FirrWithGcfPercent { get; set; }
    [Percent] public decimal? FirrWithoutGcfPercent { get; set; }
    [LongText] public string? SensitivityAnalysis { get; set; }
    /// Why the concessionality requested is the minimum needed.
    [LongText] public string? ConcessionalityJustification { get; set; }
    /// Local-currency costs and the hedging of hard-currency loans.
    [LongText] public string? CurrencyRiskNote { get; set; }
}
