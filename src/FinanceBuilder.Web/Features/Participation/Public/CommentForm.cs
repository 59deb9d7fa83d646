using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Proposals.Model;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// A resident's comment as the public form posts it. Only the text and the consent are needed;
/// a name is kept only to credit the person, a contact only to answer them, a group only if they
/// want to say it. Website is the honeypot: hidden from people, filled in by bots.
public sealed partial class CommentForm : IResidentWords
{
    public int? Question { get; set; }
    public string? Text { get; set; }
    public StakeholderGroup? Group { get; set; }
    public string? AuthorName { get; set; }
    public string? Contact { get; set; }
    public bool Consent { get; set; }
    public string? Website { get; set; }

    /// The groups a resident may say they belong to (women are counted by sex, not as a group,
    /// and a resident does not belong to "local authorities").
    public static readonly StakeholderGroup[] Groups =
    [
        StakeholderGroup.Youth, StakeholderGroup.Elderly, StakeholderGroup.Migrants, StakeholderGroup.PeopleWithDisabilities,
        StakeholderGroup.IndigenousPeoples, StakeholderGroup.VulnerablePeople, StakeholderGroup.Residents,
    ];

    /// An e-mail address or a phone number: what a reply can be sent to.
    public static bool IsContact(string contact) => Email().IsMatch(contact) || (Phone().IsMatch(contact) && contact.Count(char.IsAsciiDigit) >= 6);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{6,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    public sealed class Validator : AbstractValidator<CommentForm>
    {
        public Validator(CultureInfo culture, int questions)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => PlainText.Clean(f.Text)).NotEmpty().WithName("Text").WithMessage(_ => T.Format(culture, "Public.Error.Text"));
            AddTextRules(this, culture);
            RuleFor(f => f.Question).Must(q => q is null || (q >= 0 && q < questions)).WithName("Question").WithMessage(_ => T.Format(culture, "Public.Error.Question"));
            RuleFor(f => f.Group).Must(g => g is null || Groups.Contains(g.Value)).WithName("Group").WithMessage(_ => T.Format(culture, "Public.Error.Group"));
            RuleFor(f => f.Consent).Equal(true).WithName("Consent").WithMessage(_ => T.Format(culture, "Public.Error.Consent"));
        }
    }

    /// The rules of a resident's own words, shared by the comment and the grievance forms:
    /// plain text, within the limits, a contact that can be answered.
    public static void AddTextRules<T>(AbstractValidator<T> validator, CultureInfo culture, int maxText = ParticipationInput.MaxText) where T : IResidentWords
    {
        var texts = ParticipationText.Texts;
        validator.RuleFor(f => f.Text).Must(t => PlainText.Clean(t).Length <= maxText).WithName("Text").WithMessage(_ => texts.Format(culture, "Error.TooLong", maxText));
        validator.RuleFor(f => f).Must(f => !PlainText.HasMarkup(f.Text) && !PlainText.HasMarkup(f.AuthorName) && !PlainText.HasMarkup(f.Contact))
            .WithName("Text").WithMessage(_ => texts.Format(culture, "Public.Error.Markup"));
        validator.RuleFor(f => f.AuthorName).Must(n => n is null || n.Trim().Length <= ParticipationInput.MaxName).WithName("AuthorName")
            .WithMessage(_ => texts.Format(culture, "Error.TooLong", ParticipationInput.MaxName));
        validator.RuleFor(f => f.Contact).Must(c => string.IsNullOrWhiteSpace(c) || (c.Trim().Length <= ParticipationInput.MaxContact && IsContact(c.Trim())))
            .WithName("Contact").WithMessage(_ => texts.Format(culture, "Public.Error.Contact"));
    }
}

/// What the public forms have in common: a resident's words, name and contact.
public interface IResidentWords
{
    string? Text { get; }
    string? AuthorName { get; }
    string? Contact { get; }
}
