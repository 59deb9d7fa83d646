using System.Globalization;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Participation.Public;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Participation.Grievances;

/// A grievance as the public form or a member of staff posts it. Anonymous is allowed: without a
/// contact the project cannot answer, and the form says so, but the grievance is registered.
public sealed class GrievanceForm : IResidentWords
{
    public GrievanceCategory? Category { get; set; }
    /// How it reached the project: the web form for the public page; staff choose.
    public GrievanceChannel? Channel { get; set; }
    public string? Text { get; set; }
    public string? AuthorName { get; set; }
    public string? Contact { get; set; }
    public bool Consent { get; set; }
    /// The honeypot of the public form.
    public string? Website { get; set; }

    public sealed class Validator : AbstractValidator<GrievanceForm>
    {
        public Validator(CultureInfo culture, bool byStaff)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => f.Category).Must(c => c is { } v && Enum.IsDefined(v)).WithName("Category").WithMessage(_ => T.Format(culture, "Grievance.Error.Category"));
            RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithName("Text").WithMessage(_ => T.Format(culture, "Grievance.Error.Text"));
            CommentForm.AddTextRules(this, culture, GrievanceRecord.MaxText);
            if (byStaff)
                RuleFor(f => f.Channel).Must(c => c is { } v && Enum.IsDefined(v)).WithName("Channel").WithMessage(_ => T.Format(culture, "Grievance.Error.Channel"));
            else
                RuleFor(f => f.Consent).Equal(true).WithName("Consent").WithMessage(_ => T.Format(culture, "Grievance.Error.Consent"));
        }
    }
}
