namespace FinanceBuilder.Web.Data.Participation;

/// A proposal's public consultation page (docs/decisions/0022-participation.md): a summary written
/// for residents in English and French, the questions, and the period it takes comments. Its id
/// is the page's address (/consult/{id}), unrelated to the proposal's, so the address says nothing
/// about what else the organisation holds. One per proposal; reopening changes the period.
public sealed class PublicConsultation
{
    public const int MaxSummary = 3000;
    public const int MaxQuestion = 300;
    public const int MaxQuestions = 8;

    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    /// The organisation's name as residents see it.
    public string OrganisationName { get; set; } = "";
    public string Title { get; set; } = "";
    public string? SummaryEn { get; set; }
    public string? SummaryFr { get; set; }
    /// The questions, one per line, in each language (the same number in both when both are given).
    public string? QuestionsEn { get; set; }
    public string? QuestionsFr { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// The public grievance form is open (it stays open after the comment period).
    public bool TakesGrievances { get; set; }
    /// Residents may see the consultation's summary on the catalogue's action page.
    public bool ShowInCatalogue { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// The questions in the reader's language, or in the other one when none were written in it.
    public IReadOnlyList<string> QuestionsIn(System.Globalization.CultureInfo culture)
    {
        var french = culture.TwoLetterISOLanguageName == "fr";
        var own = Lines(french ? QuestionsFr : QuestionsEn);
        return own.Count > 0 ? own : Lines(french ? QuestionsEn : QuestionsFr);
    }

    public bool IsOpen(DateOnly today) => OpensOn <= today && today <= ClosesOn;
}
