namespace FinanceBuilder.Web.Features.Participation;

/// The addresses of the participation pages, in one place.
public static class ParticipationUrls
{
    public static string Consultations(Guid id) => $"/proposals/{id}/consultations";
    public static string Inputs(Guid id) => $"/proposals/{id}/consultations/inputs";
    public static string PublicPage(Guid id) => $"/proposals/{id}/consultations/public";
    public static string Moderation(Guid id) => $"/proposals/{id}/consultations/moderation";
    public static string Grievances(Guid id) => $"/proposals/{id}/grievances";
    public static string Grievance(Guid id, Guid grievance) => $"/proposals/{id}/grievances/{grievance}";
    public static string PersonalData(Guid id) => $"/proposals/{id}/consultations/personal-data";
    public static string Public(Guid page) => $"/consult/{page}";
    public static string PublicGrievance(Guid page) => $"/consult/{page}/grievance";
}
