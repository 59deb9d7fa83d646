using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// Dates and times as every page shows them: "29 Nov 2026 06:36 UTC", "29 nov. 2026 06:36 UTC".
/// Times are stored in UTC and said to be UTC: the people of one proposal work in different
/// countries, and the browser's zone is not known without script.
public static class DateText
{
    public static string Time(DateTime utc, CultureInfo culture) => utc.ToString("d MMM yyyy HH:mm", culture) + " UTC";

    public static string Day(DateTime utc, CultureInfo culture) => utc.ToString("d MMM yyyy", culture);
}
