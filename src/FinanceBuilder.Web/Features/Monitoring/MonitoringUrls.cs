using System.Globalization;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The addresses of this feature's pages.
public static class MonitoringUrls
{
    public static string Approve(Guid id, int number) => $"/proposals/{id}/versions/{number.ToString(CultureInfo.InvariantCulture)}/approve";

    public static string Overview(Guid id) => $"/proposals/{id}/reporting";

    public static string AmendApproval(Guid id) => Overview(id) + "/approval";

    public static string Round(Guid id, int year) => $"/proposals/{id}/reporting/{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Finances(Guid id, int year) => Round(id, year) + "/finances";

    public static string History(Guid id, Guid indicator) => $"/proposals/{id}/reporting/indicators/{indicator}";
}
