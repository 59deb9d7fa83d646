namespace FinanceBuilder.Web.Questionnaire;

/// The pages whose checks are shown beside their questions (GOV.UK's pattern: a question shows
/// an error only once the person has saved its page). Stored on the proposal's row as step ids
/// separated by commas, or "*" for all: a proposal that came complete from a file or a copy.
public static class CheckedSteps
{
    public const string All = "*";

    public static bool Has(string stored, string stepId) =>
        stored == All || stored.Split(',').Contains(stepId, StringComparer.Ordinal);

    public static string Add(string stored, string stepId) =>
        Has(stored, stepId) ? stored : stored.Length == 0 ? stepId : stored + "," + stepId;
}
