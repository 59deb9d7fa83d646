using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The approval as the form posts it: text fields, so that "B36", "31/02/2027" or "12 M" get
/// this form's own messages in the page's language, and every typed value comes back as typed.
public sealed class ApprovalForm
{
    public const int MaxYears = 30;
    public const int MaxDueDays = 365;
    public const decimal MaxAmount = 1_000_000_000_000m;

    public string? BoardMeeting { get; set; }
    public string? ApprovedOn { get; set; }
    public string? EffectiveOn { get; set; }
    public List<AmountRow> Amounts { get; set; } = [];
    public string? FirstYear { get; set; }
    public string? LastYear { get; set; }
    public string? DueDays { get; set; }
    /// The codes of the indicators reported as running totals.
    public List<string> Cumulative { get; set; } = [];

    public sealed class AmountRow
    {
        public FinancialInstrument? Instrument { get; set; }
        public string? Usd { get; set; }
    }

    /// The form as the approved version suggests it: its GCF instruments in US dollars, its
    /// implementation years, a report 60 days after each year's end.
    public static ApprovalForm Suggested(Proposal snapshot, DateOnly today, CultureInfo culture)
    {
        var converter = new CurrencyConverter(snapshot.Financing.ExchangeRates);
        var start = snapshot.Basics.ImplementationStart;
        var first = start?.Year ?? today.Year;
        var months = snapshot.Basics.ImplementationMonths;
        var last = months is > 0 && start is { } s ? s.AddMonths(months.Value).AddDays(-1).Year : first + 4;
        return new ApprovalForm
        {
            Amounts = [.. snapshot.Financing.GcfInstruments
                .GroupBy(i => i.Instrument)
                .Select(g => new AmountRow
                {
                    Instrument = g.Key,
                    Usd = g.Sum(i => converter.Convert(i.Amount, "USD")) is { } usd ? NumberText.Format(usd, culture) : null,
                })],
            FirstYear = first.ToString(CultureInfo.InvariantCulture),
            LastYear = Math.Max(first, last).ToString(CultureInfo.InvariantCulture),
            DueDays = "60",
            Cumulative = [.. snapshot.Results.Indicators.Where(MonitoringPlan.CumulativeByDefault).Select(i => i.Code)],
        };
    }

    /// What the form says, once valid.
    public sealed record Parsed(string BoardMeeting, DateOnly ApprovedOn, DateOnly? EffectiveOn, IReadOnlyList<ApprovedAmount> Amounts, int FirstYear, int LastYear, int DueDays, IReadOnlySet<string> Cumulative);

    public Parsed Parse(CultureInfo culture)
    {
        DateText.TryParseField(ApprovedOn ?? "", culture, out var approved);
        DateOnly? effective = DateText.TryParseField(EffectiveOn ?? "", culture, out var e) ? e : null;
        var amounts = Amounts
            .Where(a => a.Instrument is not null && !string.IsNullOrWhiteSpace(a.Usd))
            .Select(a => NumberText.TryParse(a.Usd!, culture, out var usd) ? new ApprovedAmount(a.Instrument!.Value, usd) : null)
            .OfType<ApprovedAmount>()
            .GroupBy(a => a.Instrument)
            .Select(g => new ApprovedAmount(g.Key, g.Sum(a => a.Usd)))
            .ToList();
        return new Parsed(BoardMeeting!.Trim(), approved, effective, amounts,
            int.Parse(FirstYear!.Trim(), CultureInfo.InvariantCulture), int.Parse(LastYear!.Trim(), CultureInfo.InvariantCulture),
            int.Parse(DueDays!.Trim(), CultureInfo.InvariantCulture), Cumulative.ToHashSet(StringComparer.Ordinal));
    }

    public sealed class Validator : AbstractValidator<ApprovalForm>
    {
        public Validator(CultureInfo culture, DateOnly today)
        {
            var T = MonitoringText.Texts;
            RuleFor(f => f.BoardMeeting).Must(b => !string.IsNullOrWhiteSpace(b) && b.Trim().Length <= 40)
                .WithName("BoardMeeting").WithMessage(_ => T.Format(culture, "Approve.Error.BoardMeeting"));
            RuleFor(f => f.ApprovedOn).Must(d => DateText.TryParseField(d ?? "", culture, out _))
                .WithName("ApprovedOn").WithMessage(_ => T.Format(culture, "Approve.Error.Date", T.Format(culture, "Approve.ApprovedOn"), DateText.FieldExample(culture)));
            RuleFor(f => f.ApprovedOn).Must(d => !DateText.TryParseField(d ?? "", culture, out var date) || date <= today)
                .WithName("ApprovedOn").WithMessage(_ => T.Format(culture, "Approve.Error.FutureApproval"));
            RuleFor(f => f.EffectiveOn).Must(d => string.IsNullOrWhiteSpace(d) || DateText.TryParseField(d, culture, out _))
                .WithName("EffectiveOn").WithMessage(_ => T.Format(culture, "Approve.Error.Date", T.Format(culture, "Approve.EffectiveOn"), DateText.FieldExample(culture)));
            RuleFor(f => f).Must(f => !(DateText.TryParseField(f.ApprovedOn ?? "", culture, out var a) && DateText.TryParseField(f.EffectiveOn ?? "", culture, out var e) && e < a))
                .WithName("EffectiveOn").WithMessage(_ => T.Format(culture, "Approve.Error.EffectiveBeforeApproval"));
            RuleFor(f => f.Amounts.Count).LessThanOrEqualTo(Enum.GetValues<FinancialInstrument>().Length + 1)
                .WithName("Amounts").WithMessage(_ => T.Format(culture, "Approve.Error.NoAmount"));
            RuleForEach(f => f.Amounts).Custom((row, context) =>
            {
                if (string.IsNullOrWhiteSpace(row.Usd))
                    return;
                var name = row.Instrument is { } i ? ProposalText.Enum(i) : T.Format(culture, "Approve.Instrument");
                if (row.Instrument is null || !Enum.IsDefined(row.Instrument.Value)
                    || !NumberText.TryParse(row.Usd, culture, out var usd) || usd < 0 || usd > MaxAmount)
                    context.AddFailure("Amounts", T.Format(culture, "Approve.Error.Amount", name, NumberText.Format(1_500_000m, culture)));
            });
            RuleFor(f => f.Amounts).Must(a => a.Any(r => r.Instrument is not null && NumberText.TryParse(r.Usd ?? "", culture, out var usd) && usd > 0))
                .WithName("Amounts").WithMessage(_ => T.Format(culture, "Approve.Error.NoAmount"));
            RuleFor(f => f).Must(f => Year(f.FirstYear) is { } first && Year(f.LastYear) is { } last && last >= first && last - first < MaxYears)
                .WithName("FirstYear").WithMessage(_ => T.Format(culture, "Approve.Error.Years", MaxYears));
            RuleFor(f => f).Must(f => !(Year(f.FirstYear) is { } first && DateText.TryParseField(f.ApprovedOn ?? "", culture, out var a) && first < a.Year - 1))
                .WithName("FirstYear").WithMessage(_ => T.Format(culture, "Approve.Error.FirstYear"));
            RuleFor(f => f.DueDays).Must(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDueDays)
                .WithName("DueDays").WithMessage(_ => T.Format(culture, "Approve.Error.DueDays", MaxDueDays));
            RuleFor(f => f.Cumulative.Count).LessThanOrEqualTo(100).WithName("Cumulative").WithMessage(_ => T.Format(culture, "Approve.Error.Cumulative"));
        }

        private static int? Year(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100 ? year : null;
    }
}
