using System.Globalization;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Participation.Public;
using FinanceBuilder.Web.Localization;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Participation;

/// The public consultation page's settings as the organisation types them.
public sealed class PublicPageForm
{
    public string? Title { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryFr { get; set; }
    public string? QuestionsEn { get; set; }
    public string? QuestionsFr { get; set; }
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }
    public bool TakesGrievances { get; set; }
    public bool ShowInCatalogue { get; set; }

    public static PublicPageForm Of(PublicConsultation page, CultureInfo culture) => new()
    {
        Title = page.Title,
        SummaryEn = page.SummaryEn,
        SummaryFr = page.SummaryFr,
        QuestionsEn = page.QuestionsEn,
        QuestionsFr = page.QuestionsFr,
        OpensOn = DateText.Field(page.OpensOn, culture),
        ClosesOn = DateText.Field(page.ClosesOn, culture),
        TakesGrievances = page.TakesGrievances,
        ShowInCatalogue = page.ShowInCatalogue,
    };

    public void CopyTo(PublicConsultation page, CultureInfo culture)
    {
        page.Title = PlainText.Clean(Title);
        page.SummaryEn = Optional(SummaryEn);
        page.SummaryFr = Optional(SummaryFr);
        page.QuestionsEn = Questions(QuestionsEn);
        page.QuestionsFr = Questions(QuestionsFr);
        DateText.TryParseField(OpensOn ?? "", culture, out var opens);
        DateText.TryParseField(ClosesOn ?? "", culture, out var closes);
        page.OpensOn = opens;
        page.ClosesOn = closes;
        page.TakesGrievances = TakesGrievances;
        page.ShowInCatalogue = ShowInCatalogue;
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : PlainText.Clean(text);

    private static string? Questions(string? text) => PublicConsultation.Lines(PlainText.Clean(text)) is { Count: > 0 } lines ? string.Join('\n', lines) : null;

    public sealed class Validator : AbstractValidator<PublicPageForm>
    {
        public Validator(CultureInfo culture)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => f.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithName("Title").WithMessage(_ => T.Format(culture, "PublicPage.Error.Title"));
            RuleFor(f => f.Title).Must(t => t is null || t.Trim().Length <= 500).WithName("Title").WithMessage(_ => T.Format(culture, "Error.TooLong", 500));
            RuleFor(f => f).Must(f => !string.IsNullOrWhiteSpace(f.SummaryEn) || !string.IsNullOrWhiteSpace(f.SummaryFr)).WithName("SummaryEn")
                .WithMessage(_ => T.Format(culture, "PublicPage.Error.Summary"));
            foreach (var (name, text) in new (string, Func<PublicPageForm, string?>)[] { ("SummaryEn", f => f.SummaryEn), ("SummaryFr", f => f.SummaryFr) })
                RuleFor(f => text(f)).Must(t => t is null || PlainText.Clean(t).Length <= PublicConsultation.MaxSummary).WithName(name)
                    .WithMessage(_ => T.Format(culture, "Error.TooLong", PublicConsultation.MaxSummary));
            foreach (var (name, text) in new (string, Func<PublicPageForm, string?>)[] { ("QuestionsEn", f => f.QuestionsEn), ("QuestionsFr", f => f.QuestionsFr) })
                RuleFor(f => text(f)).Must(t => PublicConsultation.Lines(t) is var lines && lines.Count <= PublicConsultation.MaxQuestions && lines.All(l => l.Length <= PublicConsultation.MaxQuestion))
                    .WithName(name).WithMessage(_ => T.Format(culture, "PublicPage.Error.Questions", PublicConsultation.MaxQuestions, PublicConsultation.MaxQuestion));
            RuleFor(f => f).Must(f => PublicConsultation.Lines(f.QuestionsEn).Count is var en && PublicConsultation.Lines(f.QuestionsFr).Count is var fr && (en == 0 || fr == 0 || en == fr))
                .WithName("QuestionsFr").WithMessage(f => T.Format(culture, "PublicPage.Error.QuestionCount", PublicConsultation.Lines(f.QuestionsEn).Count, PublicConsultation.Lines(f.QuestionsFr).Count));
            RuleFor(f => f).Must(f => !PlainText.HasMarkup(f.Title) && !PlainText.HasMarkup(f.SummaryEn) && !PlainText.HasMarkup(f.SummaryFr) && !PlainText.HasMarkup(f.QuestionsEn) && !PlainText.HasMarkup(f.QuestionsFr))
                .WithName("SummaryEn").WithMessage(_ => T.Format(culture, "Public.Error.Markup"));
            RuleFor(f => f.OpensOn).Must(d => DateText.TryParseField(d ?? "", culture, out _)).WithName("OpensOn").WithMessage(_ => T.Format(culture, "PublicPage.Error.Date", DateText.FieldExample(culture)));
            RuleFor(f => f.ClosesOn).Must(d => DateText.TryParseField(d ?? "", culture, out _)).WithName("ClosesOn").WithMessage(_ => T.Format(culture, "PublicPage.Error.Date", DateText.FieldExample(culture)));
            RuleFor(f => f).Must(f => !DateText.TryParseField(f.OpensOn ?? "", culture, out var o) || !DateText.TryParseField(f.ClosesOn ?? "", culture, out var c) || c >= o)
                .WithName("ClosesOn").WithMessage(_ => T.Format(culture, "PublicPage.Error.Period"));
        }
    }
}
