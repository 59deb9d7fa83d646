using System.Globalization;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// What one round entry said, in a line, for the history of a corrected line on the Finances
/// page (the form shows only the entry that stands).
public static class EntryText
{
    public static string Describe(RoundEntry entry, CultureInfo culture)
    {
        var T = MonitoringText.Texts;
        string Usd(decimal? usd) => usd is { } u ? NumberText.Money(u, "USD", culture) : "—";
        static string With(string text, params string?[] more) =>
            string.Join(" · ", more.Where(m => !string.IsNullOrWhiteSpace(m)).Prepend(text));
        return entry.Section switch
        {
            EntrySection.Disbursement when RoundEntryData.Read<DisbursementData>(entry) is var d =>
                With(d.ReceivedOn is { } on ? T.Format(culture, "Entry.ReceivedOn", Usd(d.Usd), DateText.Written(on, culture)) : Usd(d.Usd),
                    d.Instrument is { } i ? ProposalText.Get($"Enum.{i.GetType().Name}.{i}", culture) : null, d.Reference),
            EntrySection.Expenditure when RoundEntryData.Read<ExpenditureData>(entry) is var d =>
                T.Format(culture, "Finances.BySource", Usd(d.GcfUsd), Usd(d.CoFinancingUsd)),
            EntrySection.CoFinancing => Usd(RoundEntryData.Read<CoFinancingData>(entry).Usd),
            EntrySection.Action when RoundEntryData.Read<ActionData>(entry) is var d =>
                With(T.Format(culture, "Status." + d.Status), d.Note),
            EntrySection.Risk when RoundEntryData.Read<RiskData>(entry) is var d =>
                With(T.Format(culture, "Finances.Rating", Rating(d.Probability, culture), Rating(d.Impact, culture)), d.Note),
            _ => "",
        };
    }

    private static string Rating(Enum? rating, CultureInfo culture) =>
        rating is null ? "—" : ProposalText.Get($"Enum.{rating.GetType().Name}.{rating}", culture);
}
