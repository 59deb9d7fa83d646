using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// The budget lines in the reporting currency, summed as the wizard's totals panel and the
/// documents show them (by component, source, year). A line without an exchange rate to the
/// reporting currency is counted as unconverted and left out of the sums.
public sealed class BudgetBreakdown
{
    private BudgetBreakdown(string currency, IReadOnlyList<(BudgetLine Line, decimal Amount)> lines, int unconverted)
    {
        Currency = currency;
        Lines = lines;
        Unconverted = unconverted;
    }

    public string Currency { get; }

    /// The lines that could be converted, with their amount in the reporting currency.
    public IReadOnlyList<(BudgetLine Line, decimal Amount)> Lines { get; }

    public int Unconverted { get; }

    public int Count => Lines.Count + Unconverted;

    public decimal Total => Lines.Sum(l => l.Amount);

    public decimal TotalOf(FundingSourceKind source) => Lines.Where(l => l.Line.Source == source).Sum(l => l.Amount);

    public static BudgetBreakdown Of(Proposal proposal)
    {
        var currency = proposal.Budget.ReportingCurrency;
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
        var converted = proposal.Budget.Lines.Select(l => (Line: l, Amount: converter.Convert(l.Amount, currency))).ToList();
        return new BudgetBreakdown(currency,
            converted.Where(c => c.Amount is not null).Select(c => (c.Line, c.Amount!.Value)).ToList(),
            converted.Count(c => c.Amount is null));
    }
}
