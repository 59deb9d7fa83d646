using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Converts money with the proposal's own exchange-rate table (R-030: one rate per pair, with
/// source and date). A rate given in either direction is used; without one, or with a rate of 0,
/// the amount is not convertible and the caller reports it instead of guessing.
public sealed class CurrencyConverter(IEnumerable<ExchangeRate> rates)
{
    private readonly List<ExchangeRate> rates = [.. rates];

    /// The rate that converts one currency into another, and whether it is given the other way
    /// round (units of `from` for one unit of `to`); null for the same currency or none usable.
    public (ExchangeRate Rate, bool Inverse)? RateFor(string from, string to)
    {
        if (rates.FirstOrDefault(r => r.From == from && r.To == to && r.Rate > 0) is { } direct)
            return (direct, false);
        if (rates.FirstOrDefault(r => r.From == to && r.To == from && r.Rate > 0) is { } inverse)
            return (inverse, true);
        return null;
    }

    public decimal? Convert(Money money, string currency)
    {
        if (money.Currency == currency)
            return money.Amount;
        return RateFor(money.Currency, currency) switch
        {
            ({ } rate, false) => money.Amount * rate.Rate,
            ({ } rate, true) => money.Amount / rate.Rate,
            null => null,
        };
    }
}
