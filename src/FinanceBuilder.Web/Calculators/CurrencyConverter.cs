using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Converts money with the proposal's own exchange-rate table (R-030: one rate per pair, with
/// source and date). A rate given in either direction is used; without one, or with a rate of 0,
/// the amount is not convertible and the caller reports it instead of guessing.
public sealed class CurrencyConverter(IEnumerable<ExchangeRate> rates)
{
    private readonly List<ExchangeRate> rates = [.. rates];

    public decimal? Convert(Money money, string currency)
    {
        if (money.Currency == currency)
            return money.Amount;
        if (rates.FirstOrDefault(r => r.From == money.Currency && r.To == currency && r.Rate > 0) is { } direct)
            return money.Amount * direct.Rate;
        if (rates.FirstOrDefault(r => r.From == currency && r.To == money.Currency && r.Rate > 0) is { } inverse)
            return money.Amount / inverse.Rate;
        return null;
    }
}
