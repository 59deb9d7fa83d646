using System.Globalization;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Documents.Model;

/// <summary>
/// How the mapper writes values for a document in the proposal's language: numbers, money,
/// dates, percentages and enum labels, with <see cref="Unanswered.Mark"/> for anything not
/// answered yet (a draft says so, a final document leaves it out). Chart values
/// are the only numbers written in the invariant culture (<see cref="Raw"/>): the chart block
/// reads them back as numbers, never as text.
/// </summary>
public sealed class ValueFormat(CultureInfo culture, string currency)
{
    public const string Missing = Unanswered.Mark;

    public CultureInfo Culture { get; } = culture;

    public string Currency { get; } = currency;

    public bool IsFrench => Culture.TwoLetterISOLanguageName == "fr";

    public string Text(string key) => ProposalText.Get(key, Culture);

    public string Label(Enum? value) => value is null ? Missing : DocumentLabel(value, Culture);

    /// <summary>
    /// A choice as the funder's form prints it: every option with a box, the chosen one ticked —
    /// "☒ Project ☐ Programme". Unanswered until chosen (a form of empty boxes says nothing).
    /// </summary>
    public string Boxes<T>(T? value) where T : struct, Enum =>
        value is { } chosen ? string.Join(" ", Enum.GetValues<T>().Select(o => Box(o.Equals(chosen), DocumentLabel(o, Culture)))) : Missing;

    /// <summary>A yes-or-no question as the form prints it: "☐ Yes ☒ No".</summary>
    public string Boxes(bool? value) =>
        value is { } v ? Box(v, Text("Ui.Yes")) + " " + Box(!v, Text("Ui.No")) : Missing;

    // The box is glued to its option's name so a line never breaks between them. The ballot-box
    // glyphs are not in Arial or Liberation Sans: the PDF takes them from DejaVu Sans.
    private static string Box(bool ticked, string label) => (ticked ? "\u2612" : "\u2610") + "\u00A0" + label;

    /// <summary>
    /// An option's name as a funder document writes it: the wizard's label without the plain-words
    /// explanation it gives applicants ("Senior loan (repaid first)" → "Senior loan"). Labels whose
    /// brackets carry facts — size bands, units, acronyms — keep them.
    /// </summary>
    public static string DocumentLabel(Enum value, CultureInfo culture)
    {
        var label = ProposalText.Get($"Enum.{value.GetType().Name}.{value}", culture);
        if (!ExplainedOptions.Contains(value.GetType().Name) || !label.EndsWith(')'))
            return label;
        var open = label.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 ? label[..open] : label;
    }

    private static readonly HashSet<string> ExplainedOptions = new(StringComparer.Ordinal)
    {
        "FinancialInstrument", "Focus", "CommitmentStatus", "Seniority", "OrganisationType", "ResultLevel", "EmissionEffect",
        "ProjectKind", "BarrierType", "CoFinancierType", "AccreditedEntityKind", "ExpenditureType", "FiduciaryStandard", "RiskCategory", "HazardType",
    };

    public string Number(decimal? value, int decimals = 0) =>
        value is { } v ? NumberText.Format(Math.Round(v, decimals, MidpointRounding.AwayFromZero), Culture) : Missing;

    public string Number(long? value) => value is { } v ? NumberText.Format(v, Culture) : Missing;

    public string Number(int? value) => value is { } v ? NumberText.Format(v, Culture) : Missing;

    /// "1,200 (700 women, 500 men)": the people counted, with the split by sex where it is given.
    public string People(Web.Proposals.Model.PeopleCount? people)
    {
        if (people?.Known() is not { } total)
            return Missing;
        if (people.Female is null && people.Male is null)
            return NumberText.Format(total, Culture);
        return ProposalText.Format(Culture, "Document.PeopleBySex", NumberText.Format(total, Culture),
            people.Female is { } f ? NumberText.Format(f, Culture) : Missing, people.Male is { } m ? NumberText.Format(m, Culture) : Missing);
    }

    /// <summary>"USD 13,025,000" / "13 025 000 USD" — whole units, never broken between the code and
    /// the amount in a narrow cell.</summary>
    public string Money(decimal? value) => Money(value, Currency);

    /// <summary>Money in another currency than the reporting one (a co-financier's own).</summary>
    public string Money(decimal? value, string code) => value is { } v ? NumberText.Money(v, code, Culture).Replace(' ', '\u00A0') : Missing;

    /// <summary>A cost per tonne keeps its cents: "USD 158.61", "158,61 USD".</summary>
    public string PerTonne(decimal? value) => value is { } v ? NumberText.Money(v, Currency, Culture, decimals: 2).Replace(' ', '\u00A0') : Missing;

    /// <summary>"12.5%" in English, "12,5 %" (non-breaking space) in French.</summary>
    public string Percent(decimal? value, int decimals = 1) =>
        value is { } v ? Number(v, decimals) + (IsFrench ? "\u00A0%" : "%") : Missing;

    /// A percentage the applicant typed, to the decimals typed (up to three): a published
    /// "20.22 %" prints as 20.22, not rounded to 20.2; "25" stays 25.
    public string TypedPercent(decimal? value) => Percent(value, value is { } v ? Math.Min(3, (int)((decimal.GetBits(v / 1.000000000000000000000000000m)[3] >> 16) & 0xFF)) : 0);

    /// "1 July 2027"; in French the first of the month is "1er juillet 2027", as French writes it.
    /// Held together (non-breaking spaces), as money is: a date never breaks across two lines of a
    /// table cell.
    public string Date(DateOnly? value) => value is { } date ? DateText.Written(date, Culture).Replace(' ', '\u00A0') : Missing;

    /// <summary>A date in a form field the funder fixes as YYYY/MM/DD (the cover's submission dates).</summary>
    public static string FormDate(DateOnly? value) => value?.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) ?? Missing;

    /// "Mar 2027", held together: the timetable's narrow End column broke it into "Mar / 2027".
    public string MonthYear(DateOnly? value) => value?.ToString("MMM yyyy", Culture).Replace(' ', '\u00A0') ?? Missing;

    public string YesNo(bool? value) => value is { } v ? Text(v ? "Ui.Yes" : "Ui.No") : Missing;

    public static string OrMissing(string? text) => string.IsNullOrWhiteSpace(text) ? Missing : text;

    /// <summary>A number for a chart: invariant culture, no grouping, '.' as the decimal mark.</summary>
    public static string Raw(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Share of <paramref name="part"/> in <paramref name="whole"/> as a percentage, or "—".</summary>
    /// Always to one decimal ("27.0%" beside "11.6%"): shares stand in a column of a table, and
    /// a column that mixes "27%" and "11.6%" reads as if one were rounded and the other not.
    public string Share(decimal? part, decimal? whole) =>
        part is { } p && whole is > 0
            ? Math.Round(p / whole.Value * 100m, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", Culture) + (IsFrench ? "\u00A0%" : "%")
            : Missing;
}
