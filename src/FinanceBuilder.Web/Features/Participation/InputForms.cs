using System.Globalization;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Participation.Public;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Participation;

/// An input staff write down: said at a recorded consultation, or brought by someone without
/// internet or in another language (assisted — then the channel and the consent statement read to
/// the person are required, and who entered it is kept).
public sealed class InputForm : IResidentWords
{
    public Guid? ConsultationId { get; set; }
    public bool Assisted { get; set; }
    public InputChannel? Channel { get; set; }
    public string? ConsentRead { get; set; }
    public StakeholderGroup? Group { get; set; }
    public string? Text { get; set; }
    public string? AuthorName { get; set; }
    public string? Contact { get; set; }

    public sealed class Validator : AbstractValidator<InputForm>
    {
        public Validator(CultureInfo culture, IReadOnlyCollection<Guid> consultations)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithName("Text").WithMessage(_ => T.Format(culture, "Inputs.Error.Text"));
            CommentForm.AddTextRules(this, culture);
            RuleFor(f => f.ConsultationId).Must(c => c is null || consultations.Contains(c.Value)).WithName("ConsultationId").WithMessage(_ => T.Format(culture, "Inputs.Error.Consultation"));
            RuleFor(f => f).Must(f => f.Assisted || f.ConsultationId is not null).WithName("ConsultationId").WithMessage(_ => T.Format(culture, "Inputs.Error.Where"));
            RuleFor(f => f.Channel).Must(c => c is { } v && Enum.IsDefined(v)).When(f => f.Assisted).WithName("Channel").WithMessage(_ => T.Format(culture, "Inputs.Error.Channel"));
            RuleFor(f => f.ConsentRead).Must(c => !string.IsNullOrWhiteSpace(c)).When(f => f.Assisted).WithName("ConsentRead").WithMessage(_ => T.Format(culture, "Inputs.Error.Consent"));
            RuleFor(f => f.ConsentRead).Must(c => c is null || c.Trim().Length <= 1000).WithName("ConsentRead").WithMessage(_ => T.Format(culture, "Error.TooLong", 1000));
            RuleFor(f => f.Group).Must(g => g is null || Enum.IsDefined(g.Value)).WithName("Group").WithMessage(_ => T.Format(culture, "Public.Error.Group"));
        }
    }
}

/// The project's response to one input: what it did with it, in words, and the part of the
/// proposal it changed when it changed one.
public sealed class ResponseForm
{
    public Guid InputId { get; set; }
    public Disposition? Disposition { get; set; }
    public string? Response { get; set; }
    public string? SectionChanged { get; set; }

    public sealed class Validator : AbstractValidator<ResponseForm>
    {
        public Validator(CultureInfo culture)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => f.Disposition).Must(d => d is { } v && Enum.IsDefined(v)).WithName("Disposition").WithMessage(_ => T.Format(culture, "Inputs.Error.Disposition"));
            RuleFor(f => f.Response).Must(r => !string.IsNullOrWhiteSpace(r)).WithName("Response").WithMessage(_ => T.Format(culture, "Inputs.Error.Response"));
            RuleFor(f => f.Response).Must(r => r is null || PlainText.Clean(r).Length <= ParticipationInput.MaxResponse).WithName("Response")
                .WithMessage(_ => T.Format(culture, "Error.TooLong", ParticipationInput.MaxResponse));
            RuleFor(f => f.SectionChanged).Must(s => string.IsNullOrEmpty(s) || StepCatalogue.Find(s) is not null).WithName("SectionChanged").WithMessage(_ => T.Format(culture, "Inputs.Error.Section"));
            RuleFor(f => f.SectionChanged).Must(s => !string.IsNullOrEmpty(s)).When(f => f.Disposition == Data.Participation.Disposition.DesignChanged)
                .WithName("SectionChanged").WithMessage(_ => T.Format(culture, "Inputs.Error.SectionNeeded"));
        }
    }
}
