using System.Globalization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Figures of the monitoring pages, formatted one way everywhere.
public static class MonitoringFormat
{
    public static string Number(decimal? value, CultureInfo culture) => value is { } v ? NumberText.Format(v, culture) : "—";

    /// "mid-term 1,200 · final 4,000".
    public static string Targets(decimal? midTerm, decimal? final, CultureInfo culture) =>
        MonitoringText.Texts.Format(culture, "Plan.TargetsValue", Number(midTerm, culture), Number(final, culture));

    /// A typed number as the form shows it back: the culture's own writing.
    public static string? Field(decimal? value, CultureInfo culture) => value is { } v ? NumberText.Format(v, culture) : null;
}
