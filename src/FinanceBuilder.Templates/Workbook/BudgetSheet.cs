namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// What the budget workbook (GCF Annex 4 shape) shows: the cost items with their amounts per
/// year in the currency they were entered in, the exchange rates that turn them into the
/// reporting currency, the fees, and every word already in the document language. The writer
/// converts and sums only with formulas whose cached values are the converted amounts given
/// here, so the workbook is independent of the proposal model and agrees with the documents.
/// </summary>
/// <param name="Title">The workbook title (core properties).</param>
/// <param name="Currency">The reporting currency code ("USD"), shown in the amount headers.</param>
/// <param name="Language">The document language as a BCP 47 tag ("en", "fr").</param>
/// <param name="Labels">Sheet names and column headers in the document language.</param>
/// <param name="Items">The cost items, one row each on the detailed budget sheet.</param>
/// <param name="Components">The components in their order; components only named by items are added after them.</param>
/// <param name="Sources">The funding sources in their order (display names); sources only named by items are added after them.</param>
/// <param name="Years">The budget years (columns of the detailed budget and the summaries).</param>
/// <param name="Rates">One rate per currency the items and fees use, the reporting currency's own included.</param>
public sealed record BudgetSheet(
    string Title,
    string Currency,
    string Language,
    BudgetSheetLabels Labels,
    IReadOnlyList<BudgetSheetItem> Items,
    IReadOnlyList<BudgetSheetComponent> Components,
    IReadOnlyList<string> Sources,
    IReadOnlyList<int> Years,
    IReadOnlyList<BudgetSheetRate> Rates)
{
    /// <summary>The draft mark ("DRAFT") printed at the top of every page of every sheet, or null for a final workbook.</summary>
    public string? DraftMark { get; init; }

    /// <summary>The display name of the GCF among the sources: the fees sheet gives each fee as a share of it.</summary>
    public string? GcfSource { get; init; }

    /// <summary>The project-management cost and the accredited entity's fee, in that order (either may be missing).</summary>
    public IReadOnlyList<BudgetSheetFee> Fees { get; init; } = [];
}

/// <summary>
/// One cost item: a row of the wizard's budget grid, with its amount for each year. Amounts are
/// in the item's currency; the converted amounts are the documents' own (the cached values).
/// </summary>
/// <param name="ComponentId">The component identifier ("1"): the key the summaries sum by.</param>
/// <param name="Output">The output it serves ("1.1 Solar PV installed"), or empty.</param>
/// <param name="Description">What the item pays for.</param>
/// <param name="Category">The expenditure type: a key of the summary by type.</param>
/// <param name="Source">The funding source (display name): a key of the summary by source.</param>
/// <param name="Financier">Who provides the money (a co-financier's name), or empty.</param>
/// <param name="Instrument">The financial instrument (display name): the second key of the summary by source.</param>
/// <param name="Unit">What one unit is, for an item costed as quantity × unit cost, or empty.</param>
/// <param name="Quantity">The number of units over all years, for a costed item.</param>
/// <param name="UnitCost">The cost of one unit in the item's currency, for a costed item.</param>
/// <param name="Currency">The currency the item was entered in.</param>
/// <param name="Amounts">The amount of each year (a null year for an amount without one).</param>
public sealed record BudgetSheetItem(
    string ComponentId,
    string Output,
    string Description,
    string Category,
    string Source,
    string Financier,
    string Instrument,
    string Unit,
    decimal? Quantity,
    decimal? UnitCost,
    string Currency,
    IReadOnlyList<BudgetSheetAmount> Amounts)
{
    /// <summary>The activity of the output it pays for ("1.1.2 Tender documents"), or empty.</summary>
    public string Activity { get; init; } = "";

    /// <summary>The budget note: how the cost was estimated, or empty.</summary>
    public string Note { get; init; } = "";
}

/// <summary>The amount of one year of an item.</summary>
/// <param name="Year">The budget year, or null.</param>
/// <param name="Amount">The amount in the item's currency.</param>
/// <param name="Converted">The same amount in the reporting currency, as the documents convert it.</param>
public readonly record struct BudgetSheetAmount(int? Year, decimal Amount, decimal Converted);

/// <summary>
/// The rate that converts one currency into the reporting currency, as the proposal gives it:
/// either units of the reporting currency for one unit of this one, or the inverse.
/// </summary>
/// <param name="Currency">The currency converted ("GHS"); the reporting currency has a rate of 1.</param>
/// <param name="Given">The rate as typed in the proposal.</param>
/// <param name="Inverse">Whether the rate was given as units of this currency for one unit of the reporting currency.</param>
/// <param name="Date">The date of the rate, or null.</param>
/// <param name="Source">Where the rate comes from, or empty.</param>
public sealed record BudgetSheetRate(string Currency, decimal Given, bool Inverse, DateOnly? Date, string Source)
{
    /// <summary>Units of the reporting currency for one unit of this currency.</summary>
    public decimal Used => Inverse ? 1m / Given : Given;
}

/// <summary>A fee of the fees sheet.</summary>
/// <param name="Label">What the fee is ("Project management cost").</param>
/// <param name="Currency">The currency it was given in, or empty when it was not given.</param>
/// <param name="Amount">The amount, or null when it was not given.</param>
/// <param name="Converted">The amount in the reporting currency, or null.</param>
public sealed record BudgetSheetFee(string Label, string Currency, decimal? Amount, decimal? Converted);

/// <summary>A component of the project design.</summary>
/// <param name="Id">The identifier items refer to ("1").</param>
/// <param name="Name">The component's name.</param>
public sealed record BudgetSheetComponent(string Id, string Name);

/// <summary>The workbook's own words, in the document language; English unless set.</summary>
public sealed record BudgetSheetLabels
{
    /// <summary>English labels.</summary>
    public static BudgetSheetLabels English { get; } = new();

    /// <summary>Name of the detailed budget sheet.</summary>
    public string DetailSheet { get; init; } = "Detailed budget";
    /// <summary>Name of the summary sheet.</summary>
    public string SummarySheet { get; init; } = "Summary";
    /// <summary>Name of the sheet of the AE fee and project-management cost.</summary>
    public string FeesSheet { get; init; } = "AE fee and PMC";
    /// <summary>Name of the exchange-rate sheet.</summary>
    public string RatesSheet { get; init; } = "Exchange rates";

    /// <summary>Header of the component identifier column.</summary>
    public string Component { get; init; } = "Component";
    /// <summary>Header of the component name column.</summary>
    public string ComponentName { get; init; } = "Component name";
    /// <summary>Header of the output column.</summary>
    public string Output { get; init; } = "Output";
    /// <summary>Header of the activity column.</summary>
    public string Activity { get; init; } = "Activity";
    /// <summary>Header of the description column.</summary>
    public string Description { get; init; } = "Description";
    /// <summary>Header of the expenditure type column.</summary>
    public string Category { get; init; } = "Expenditure type";
    /// <summary>Header of the funding source column.</summary>
    public string Source { get; init; } = "Source";
    /// <summary>Header of the financier column.</summary>
    public string Financier { get; init; } = "Financier";
    /// <summary>Header of the instrument column.</summary>
    public string Instrument { get; init; } = "Instrument";
    /// <summary>Header of the unit column.</summary>
    public string Unit { get; init; } = "Unit";
    /// <summary>Header of the quantity column (units over all years).</summary>
    public string Quantity { get; init; } = "Quantity";
    /// <summary>Header of the unit cost column.</summary>
    public string UnitCost { get; init; } = "Unit cost";
    /// <summary>Header of the currency columns.</summary>
    public string Currency { get; init; } = "Currency";
    /// <summary>Header of the column of amounts without a year.</summary>
    public string NoYear { get; init; } = "No year";
    /// <summary>Header of an item's total in its own currency.</summary>
    public string TotalInCurrency { get; init; } = "Total in currency";
    /// <summary>Header of the rate column of the detailed budget.</summary>
    public string Rate { get; init; } = "Rate";
    /// <summary>Header of the budget notes column.</summary>
    public string Notes { get; init; } = "Budget notes";
    /// <summary>Label of the totals rows; the reporting currency is added in brackets to amount headers.</summary>
    public string Total { get; init; } = "Total";

    /// <summary>Title of the summary by component; {0} is the reporting currency.</summary>
    public string ByComponent { get; init; } = "Budget by component and year ({0})";
    /// <summary>Title of the summary by source and instrument.</summary>
    public string BySource { get; init; } = "Budget by funding source and instrument ({0})";
    /// <summary>Title of the summary by expenditure type.</summary>
    public string ByCategory { get; init; } = "Budget by expenditure type ({0})";

    /// <summary>Header of the rate as the proposal gives it.</summary>
    public string GivenRate { get; init; } = "Rate as given";
    /// <summary>How a rate was given: "{0} per {1}" ("USD per GHS").</summary>
    public string Per { get; init; } = "{0} per {1}";
    /// <summary>Header of the direction the rate was given in.</summary>
    public string GivenAs { get; init; } = "Given as";
    /// <summary>Header of the rate used: units of the reporting currency for one unit.</summary>
    public string RateUsed { get; init; } = "Rate used";
    /// <summary>Header of the date of a rate.</summary>
    public string Date { get; init; } = "Date";
    /// <summary>Header of the source of a rate.</summary>
    public string RateSource { get; init; } = "Source";

    /// <summary>Header of the item column of the fees sheet.</summary>
    public string Item { get; init; } = "Item";
    /// <summary>Header of an amount in its own currency.</summary>
    public string Amount { get; init; } = "Amount";
    /// <summary>Header of a fee as a share of the GCF budget.</summary>
    public string ShareOfGcf { get; init; } = "Share of GCF budget";
    /// <summary>Header of a fee as a share of the total budget.</summary>
    public string ShareOfTotal { get; init; } = "Share of total budget";
    /// <summary>Label of the GCF budget row.</summary>
    public string GcfBudget { get; init; } = "GCF budget";
    /// <summary>Label of the total budget row.</summary>
    public string TotalBudget { get; init; } = "Total budget";
    /// <summary>Note of a fee the proposal does not give.</summary>
    public string NotGiven { get; init; } = "Not given in the proposal";
    /// <summary>A fee in a currency without a rate; {0} is the reporting currency.</summary>
    public string NoRate { get; init; } = "No exchange rate to {0} in the proposal";
}
