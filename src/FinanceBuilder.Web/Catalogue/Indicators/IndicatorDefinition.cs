using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Catalogue.Indicators;

/// Which way an indicator should go for the territory to be better off.
public enum IndicatorTrend { None, Increase, Decrease }

/// One indicator of the shared library (docs/territorial-indicators.md): what it measures, in
/// which unit, how it is computed and where its figures usually come from, in English and French.
/// Values of it, per territory and year, must keep to its decimals and bounds.
public sealed record IndicatorDefinition(
    string Code, string TitleEn, string TitleFr, string UnitEn, string UnitFr, int Decimals, decimal? Min, decimal? Max,
    IndicatorTrend Trend, IrmfCore? IrmfCore, string MethodEn, string MethodFr, string Source)
{
    private static bool French(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";

    public string Title(CultureInfo culture) => French(culture) ? TitleFr : TitleEn;
    public string Unit(CultureInfo culture) => French(culture) ? UnitFr : UnitEn;
    public string Method(CultureInfo culture) => French(culture) ? MethodFr : MethodEn;
}
