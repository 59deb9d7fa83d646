namespace FinanceBuilder.Templates.Workbook;

/// <summary>
/// What the budget workbook shows: the budget lines already converted to the reporting currency
/// and every word already in the document language. The writer adds no figure of its own but
/// the sums it also writes as formulas, so the workbook is independent of the proposal model.
/// </summary>
/// <param name="Title">The workbook title (core properties).</param>
/// <param name="Currency">The reporting currency code ("USD"), shown in the amount headers.</param>
/// <param name="Language">The document language as a BCP 47 tag ("en", "fr").</param>
/// <param name="Labels">Sheet names and column headers in the document language.</param>
/// <param name="Lines">The budget lines, one row each on the lines sheet.</param>
/// <param name="Components">The components in their order; components only named by lines are added after them.</param>
/// <param name="Sources">The funding sources in their order (display names); sources only named by lines are added after them.</param>
/// <param name="Years">The budget years; when no line has a year the year sheet is left out.</param>
public sealed record BudgetSheet(
    string Title,
    string Currency,
    string Language,
    BudgetSheetLabels Labels,
    IReadOnlyList<BudgetSheetLine> Lines,
    IReadOnlyList<BudgetSheetComponent> Components,
    IReadOnlyList<string> Sources,
    IReadOnlyList<int> Years)
{
    /// <summary>The draft mark ("DRAFT") printed at the top of every page of every sheet, or null for a final workbook.</summary>
    public string? DraftMark { get; init; }
}

/// <summary>
/// One budget line. A proposal's line has one year, so the year is a field rather than amounts
/// by year: the year sheet sums lines by component and year.
/// </summary>
/// <param name="ComponentId">The component identifier ("1"): the key the component and year sheets sum by.</param>
/// <param name="Description">What the line pays for.</param>
/// <param name="Category">The expenditure type.</param>
/// <param name="Source">The funding source (display name): the key the source sheet sums by.</param>
/// <param name="Financier">Who provides the money (a co-financier's name), or empty.</param>
/// <param name="Instrument">The financial instrument (display name): the second key of the source sheet.</param>
/// <param name="Year">The budget year, or null.</param>
/// <param name="OriginalCurrency">The currency the line was entered in.</param>
/// <param name="OriginalAmount">The amount in that currency.</param>
/// <param name="Amount">The amount in the reporting currency: every sum is of this column.</param>
public sealed record BudgetSheetLine(
    string ComponentId,
    string Description,
    string Category,
    string Source,
    string Financier,
    string Instrument,
    int? Year,
    string OriginalCurrency,
    decimal OriginalAmount,
    decimal Amount);

/// <summary>A component of the project design.</summary>
/// <param name="Id">The identifier budget lines refer to ("1").</param>
/// <param name="Name">The component's name.</param>
public sealed record BudgetSheetComponent(string Id, string Name);

/// <summary>The workbook's own words, in the document language.</summary>
/// <param name="LinesSheet">Name of the sheet of budget lines ("Lines").</param>
/// <param name="ComponentSheet">Name of the summary by component ("By component").</param>
/// <param name="SourceSheet">Name of the summary by source and instrument ("By source").</param>
/// <param name="YearSheet">Name of the summary by component and year ("By year").</param>
/// <param name="Component">Header of the component identifier column.</param>
/// <param name="ComponentName">Header of the component name column.</param>
/// <param name="Description">Header of the description column.</param>
/// <param name="Category">Header of the expenditure type column.</param>
/// <param name="Source">Header of the funding source column.</param>
/// <param name="Financier">Header of the financier column.</param>
/// <param name="Instrument">Header of the instrument column.</param>
/// <param name="Year">Header of the year column.</param>
/// <param name="OriginalCurrency">Header of the entered currency column.</param>
/// <param name="OriginalAmount">Header of the entered amount column.</param>
/// <param name="Amount">Header of the amount columns; the reporting currency is added in brackets.</param>
/// <param name="Total">Label of the totals rows and columns.</param>
/// <param name="NoYear">Header of the column of lines without a year.</param>
public sealed record BudgetSheetLabels(
    string LinesSheet,
    string ComponentSheet,
    string SourceSheet,
    string YearSheet,
    string Component,
    string ComponentName,
    string Description,
    string Category,
    string Source,
    string Financier,
    string Instrument,
    string Year,
    string OriginalCurrency,
    string OriginalAmount,
    string Amount,
    string Total,
    string NoYear)
{
    /// <summary>English labels.</summary>
    public static BudgetSheetLabels English { get; } = new(
        "Lines", "By component", "By source", "By year",
        "Component", "Component name", "Description", "Expenditure type", "Source", "Financier", "Instrument", "Year",
        "Currency", "Amount in currency", "Amount", "Total", "No year");
}
