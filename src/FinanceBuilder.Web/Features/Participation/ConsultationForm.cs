using System.Globalization;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Participation;

/// A consultation as its form posts it: counts and dates as typed, so a refused form comes back
/// as written, with this form's messages in the page's language.
public sealed class ConsultationForm
{
    public const long MaxCount = 1_000_000;

    public string? HeldOn { get; set; }
    public ConsultationFormat? Method { get; set; }
    public string? Place { get; set; }
    public bool Online { get; set; }
    public string? Languages { get; set; }
    public string? Organiser { get; set; }
    public ParticipationLevel? Level { get; set; }
    public string? Asked { get; set; }
    public string? Women { get; set; }
    public string? Men { get; set; }
    public string? NotSaid { get; set; }
    public Dictionary<AgeBand, string?> Ages { get; set; } = [];
    public Dictionary<StakeholderGroup, string?> Groups { get; set; } = [];

    /// A recorded consultation as its form shows it, to change it.
    public static ConsultationForm Of(ConsultationRecord record, CultureInfo culture)
    {
        var a = Data.Participation.Attendance.Read(record.Attendance);
        string? Typed(long n) => n == 0 ? null : NumberText.Format(n, culture);
        return new ConsultationForm
        {
            HeldOn = DateText.Field(record.HeldOn, culture),
            Method = record.Method,
            Place = record.Place,
            Online = record.Online,
            Languages = record.Languages,
            Organiser = record.Organiser,
            Level = record.Level,
            Asked = record.Asked,
            Women = Typed(a.Women),
            Men = Typed(a.Men),
            NotSaid = Typed(a.NotSaid),
            Ages = a.Ages.ToDictionary(x => x.Key, x => Typed(x.Value)),
            Groups = a.Groups.ToDictionary(x => x.Key, x => Typed(x.Value)),
        };
    }

    /// Writes the form's answers into the record (new or changed).
    public void CopyTo(ConsultationRecord record, CultureInfo culture)
    {
        DateText.TryParseField(HeldOn!, culture, out var heldOn);
        record.HeldOn = heldOn;
        record.Method = Method!.Value;
        record.Place = Online ? null : Place?.Trim();
        record.Online = Online;
        record.Languages = string.IsNullOrWhiteSpace(Languages) ? null : Languages.Trim();
        record.Organiser = string.IsNullOrWhiteSpace(Organiser) ? null : Organiser.Trim();
        record.Level = Level!.Value;
        record.Asked = string.IsNullOrWhiteSpace(Asked) ? null : Asked.Trim();
        record.Attendance = Attendance(culture).Write();
    }

    /// A typed count, read as numbers are everywhere (NumberText: "1,250" in English, "1 250" in
    /// French): 0 when empty, null when it is not a whole number of people up to MaxCount.
    public static long? Count(string? typed, CultureInfo culture) =>
        string.IsNullOrWhiteSpace(typed) ? 0
        : NumberText.TryParse(typed, culture, out var n) && n >= 0 && n <= MaxCount && n == decimal.Truncate(n) ? (long)n : null;

    public Attendance Attendance(CultureInfo culture) => new(
        Count(Women, culture) ?? 0, Count(Men, culture) ?? 0, Count(NotSaid, culture) ?? 0,
        Ages.Where(a => Enum.IsDefined(a.Key) && Count(a.Value, culture) is > 0).ToDictionary(a => a.Key, a => Count(a.Value, culture)!.Value),
        // Women are counted by sex: a "women" group beside it would give the hidden counts back.
        Groups.Where(g => Enum.IsDefined(g.Key) && g.Key != StakeholderGroup.Women && Count(g.Value, culture) is > 0).ToDictionary(g => g.Key, g => Count(g.Value, culture)!.Value));

    public sealed class Validator : AbstractValidator<ConsultationForm>
    {
        public Validator(CultureInfo culture, DateOnly today)
        {
            var T = ParticipationText.Texts;
            RuleFor(f => f.HeldOn).Must(d => DateText.TryParseField(d ?? "", culture, out var date) && date <= today)
                .WithName("HeldOn").WithMessage(_ => T.Format(culture, "Error.HeldOn", DateText.FieldExample(culture)));
            RuleFor(f => f.Method).Must(m => m is { } v && Enum.IsDefined(v)).WithName("Method").WithMessage(_ => T.Format(culture, "Error.Method"));
            RuleFor(f => f.Level).Must(l => l is { } v && Enum.IsDefined(v)).WithName("Level").WithMessage(_ => T.Format(culture, "Error.Level"));
            RuleFor(f => f).Must(f => f.Online || !string.IsNullOrWhiteSpace(f.Place)).WithName("Place").WithMessage(_ => T.Format(culture, "Error.Place"));
            foreach (var (name, text, max) in new (string, Func<ConsultationForm, string?>, int)[] { ("Place", f => f.Place, 500), ("Languages", f => f.Languages, 200), ("Organiser", f => f.Organiser, 500), ("Asked", f => f.Asked, 20000) })
                RuleFor(f => text(f)).Must(t => t is null || t.Trim().Length <= max).WithName(name).WithMessage(_ => T.Format(culture, "Error.TooLong", max));
            RuleFor(f => f).Must(f => new[] { f.Women, f.Men, f.NotSaid }.Concat(f.Ages.Values).Concat(f.Groups.Values).All(v => Count(v, culture) is not null))
                .WithName("Women").WithMessage(_ => T.Format(culture, "Error.Count", MaxCount));
            RuleFor(f => f).Must(f => f.Attendance(culture).Total > 0).WithName("Women").WithMessage(_ => T.Format(culture, "Error.NoAttendance"));
            RuleFor(f => f).Must(f => f.Attendance(culture) is var a && a.Ages.Values.Sum() <= a.Total)
                .WithName("Ages").WithMessage(f => T.Format(culture, "Error.AgesOverTotal", f.Attendance(culture).Ages.Values.Sum(), f.Attendance(culture).Total));
        }
    }
}
