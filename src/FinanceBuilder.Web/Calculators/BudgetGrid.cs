using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// What names a cost item: the stored lines that share it are one row of the budget grid, one
/// line per year (docs/decisions/0011-budget-grid.md).
public sealed record BudgetItem(
    string? ComponentId, string? OutputId, string? Description, ExpenditureType? ExpenditureType, FundingSourceKind Source,
    string? CoFinancierId, FinancialInstrument? Instrument, string Currency, string? Unit, decimal? UnitCost)
{
    public static BudgetItem Of(BudgetLine line) => new(line.ComponentId, line.OutputId, line.Description, line.ExpenditureType,
        line.Source, line.CoFinancierId, line.Instrument, line.Amount.Currency, line.Unit, line.UnitCost)
    { ActivityId = line.ActivityId, Note = line.Note };

    /// The activity of the output the item pays for, or null.
    public string? ActivityId { get; init; }

    /// The budget note (how the cost was estimated), or null.
    public string? Note { get; init; }

    /// Costed as quantity × unit cost: the year cells hold quantities, the amounts follow.
    public bool Costed => UnitCost is not null;
}

/// One grid row: the item and its value per year (the amount, or the quantity of a costed item).
/// Year 0 holds a line stored without a year (older proposals, imported files).
public sealed class BudgetRow(BudgetItem item)
{
    public BudgetItem Item { get; } = item;

    public SortedDictionary<int, decimal> Values { get; } = [];

    /// Index of the row's first stored line (the page anchors a newly added line by it).
    public int FirstLine { get; init; } = -1;

    /// The stored lines (one per year) this row was made from, by index.
    public List<int> LineIndexes { get; } = [];

    public decimal AmountOf(decimal value) =>
        Item.UnitCost is { } cost ? Math.Round(value * cost, 2, MidpointRounding.AwayFromZero) : value;

    public decimal Total => Values.Values.Sum(AmountOf);

    public IEnumerable<BudgetLine> ToLines()
    {
        if (Values.Count == 0)
        {
            // A row with nothing per year yet keeps its description and classification.
            yield return Line(null, 0, null);
            yield break;
        }
        foreach (var (year, value) in Values)
            yield return Line(year == 0 ? null : year, AmountOf(value), Item.Costed ? value : null);
    }

    private BudgetLine Line(int? year, decimal amount, decimal? quantity) => new()
    {
        ComponentId = Item.ComponentId,
        OutputId = Item.OutputId,
        ActivityId = Item.ActivityId,
        Description = Item.Description,
        ExpenditureType = Item.ExpenditureType,
        Year = year,
        Amount = new Money { Amount = amount, Currency = Item.Currency },
        Source = Item.Source,
        CoFinancierId = Item.CoFinancierId,
        Instrument = Item.Instrument,
        Unit = Item.Unit,
        Quantity = quantity,
        UnitCost = Item.UnitCost,
        Note = Item.Note,
    };
}

public static class BudgetGrid
{
    /// Year columns drawn for the project's dates alone (lines in other years add theirs).
    public const int MaxProjectYears = 20;

    /// Groups stored lines into rows in the order they first appear. A row holds one line per
    /// year: a second line of the same item and year starts another row, so nothing is summed away.
    public static List<BudgetRow> Rows(IReadOnlyList<BudgetLine> lines)
    {
        var rows = new List<BudgetRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var item = BudgetItem.Of(line);
            var placeholder = line.Year is null && line.Amount.Amount == 0 && line.Quantity is null;
            var year = line.Year ?? 0;
            var row = placeholder ? null : rows.FirstOrDefault(r => r.Item == item && !r.Values.ContainsKey(year));
            if (row is null)
            {
                row = new BudgetRow(item) { FirstLine = i };
                rows.Add(row);
            }
            row.LineIndexes.Add(i);
            if (!placeholder)
                row.Values[year] = item.Costed ? line.Quantity ?? (item.UnitCost is > 0 ? line.Amount.Amount / item.UnitCost.Value : 0) : line.Amount.Amount;
        }
        return rows;
    }

    public static List<BudgetLine> Lines(IEnumerable<BudgetRow> rows) => rows.SelectMany(r => r.ToLines()).ToList();

    /// One column per calendar year the project runs (from its start and end dates, or start and
    /// duration), plus any year a line already uses; "no year" (0) first when a line has none.
    public static IReadOnlyList<int> Years(Proposal proposal, IReadOnlyList<BudgetRow> rows, int fallbackYear)
    {
        var basics = proposal.Basics;
        var years = new SortedSet<int>();
        if (basics.ImplementationStart is { } start)
        {
            var end = basics.ImplementationEnd?.Year
                ?? (basics.ImplementationMonths is { } months and > 0 ? start.AddMonths(months).AddDays(-1).Year : start.Year);
            for (var y = start.Year; y <= Math.Min(end, start.Year + MaxProjectYears - 1); y++)
                years.Add(y);
        }
        foreach (var row in rows)
            years.UnionWith(row.Values.Keys);
        if (basics.ImplementationStart is null)
        {
            // No dates yet: five years from the first year used (or this year), until they are given.
            var first = years.Where(y => y > 0).DefaultIfEmpty(fallbackYear).Min();
            for (var y = first; y < first + 5; y++)
                years.Add(y);
        }
        return [.. years];
    }
}
