using System.Globalization;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The addresses of this feature's pages.
public static class MonitoringUrls
{
    public static string Approve(Guid id, int number) => $"/proposals/{id}/versions/{number.ToString(CultureInfo.InvariantCulture)}/approve";

    public static string Overview(Guid id) => $"/proposals/{id}/monitoring";

    public static string Round(Guid id, int year) => $"/proposals/{id}/monitoring/{year.ToString(CultureInfo.InvariantCulture)}";

    public static string History(Guid id, Guid indicator) => $"/proposals/{id}/monitoring/indicators/{indicator}";
}
