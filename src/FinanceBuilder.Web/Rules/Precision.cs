namespace FinanceBuilder.Web.Rules;

/// The precision a figure is written to, so a comparison forgives exactly its rounding: "4,450"
/// stands for anything from 4,445 to 4,455, "38.4 million" for 38.35 to 38.45 million, "12.75"
/// for 12.745 to 12.755. Trailing zeros of a whole number count as rounding (a user writing
/// 82,100 rarely means to the tonne), which errs towards not raising a false alarm.
public static class Precision
{
    /// The unit of the last digit of <paramref name="value"/>: 0.01 for 12.75, 1 for 4,451, 100 for 82,100.
    public static decimal Unit(decimal value)
    {
        value = Math.Abs(value);
        if (value == 0)
            return 1m;
        var scale = (value / 1.000000000000000000000000000000000m).Scale; // trailing zeros after the point removed
        if (scale > 0)
            return 1m / Pow10(scale);
        var unit = 1m;
        while (value % (unit * 10) == 0)
            unit *= 10;
        return unit;
    }

    /// Half of <see cref="Unit"/>: how far the exact figure may lie from the written one.
    public static decimal HalfUnit(decimal value) => Unit(value) / 2;

    private static decimal Pow10(int power)
    {
        var result = 1m;
        for (var i = 0; i < power; i++)
            result *= 10;
        return result;
    }
}
