using System.Globalization;

namespace FinanceBuilder.Web.Features.Wizard;

/// The wizard's addresses, in one place.
public static class WizardUrls
{
    public static string TaskList(Guid id) => $"/proposals/{id}";

    public static string Step(Guid id, string step, int? page = null) =>
        $"/proposals/{id}/{step}" + (page is > 1 ? "?page=" + page.Value.ToString(CultureInfo.InvariantCulture) : "");

    public static string CheckAnswers(Guid id) => $"/proposals/{id}/check-answers";

    public static string Export(Guid id) => $"/proposals/{id}/export";

    public static string Package(Guid id) => $"/proposals/{id}/package";

    /// The territorial data the proposal can take its indicators' baselines from (Features/Territories).
    public static string Baselines(Guid id) => $"/proposals/{id}/baselines";

    /// The location map's picture; the fingerprint changes with what it draws (a new address, a new picture).
    public static string LocationMap(Guid id, string fingerprint) => $"/proposals/{id}/location-map.svg?v={Uri.EscapeDataString(fingerprint)}";

    /// The page that accepts one open warning with a reason, then returns to the page it came from.
    public static string AcceptWarning(Guid id, string ruleId, string? path, string from) =>
        $"/proposals/{id}/accept-warning?rule={Uri.EscapeDataString(ruleId)}"
        + (path is null ? "" : "&path=" + Uri.EscapeDataString(path)) + "&from=" + Uri.EscapeDataString(from);
}
