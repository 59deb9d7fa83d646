namespace FinanceBuilder.Web.Features.Submissions;

/// The addresses of this feature's pages.
public static class SubmissionUrls
{
    public static string Submit(Guid id) => $"/proposals/{id}/submit";

    public static string Versions(Guid id) => $"/proposals/{id}/versions";

    public static string Version(Guid id, int number) => $"/proposals/{id}/versions/{number}";

    public static string Package(Guid id, int number) => $"/proposals/{id}/versions/{number}/package";

    public static string Compare(Guid id, string from, string to) => $"/proposals/{id}/compare?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
}
