using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Turns a posted round into the rows to add: a first value, or a correction of the current one
/// with its reason. Rows the person did not change add nothing. Every problem is named by row
/// and field, and when there is one nothing is added (the page shows the form as typed).
public static class RecordValues
{
    public const int MaxSourceLength = 500;
    public const int MaxTextLength = 2000;
    public const decimal Largest = 1_000_000_000_000_000m;

    public sealed record Outcome(IReadOnlyList<IndicatorValue> Added, IReadOnlyDictionary<string, string> Errors, IReadOnlySet<int> Conflicts);

    public static Outcome Prepare(MonitoredProject project, int year, RoundForm form, IReadOnlySet<Guid> annexFiles, AccessScope access, DateTime now, CultureInfo culture)
    {
        var T = MonitoringText.Texts;
        var today = DateOnly.FromDateTime(now);
        var due = project.DueIn(year).ToDictionary(i => i.Id);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var conflicts = new HashSet<int>();
        var added = new List<IndicatorValue>();
        for (var r = 0; r < form.Rows.Count; r++)
        {
            var row = form.Rows[r];
            if (!due.TryGetValue(row.Indicator, out var indicator))
                continue;
            var current = project.Values.Current(indicator.Id, year);
            if (current is null && row.IsBlank)
                continue;
            void Fail(string field, string key, params object?[] args) =>
                errors.TryAdd($"row-{r}-{field}", T.Format(culture, key, [indicator.Code, .. args]));

            var value = Number(row.Value, culture, out var badValue);
            if (badValue)
                Fail("value", "Round.Error.Number", T.Format(culture, "Round.Value"), NumberText.Format(1250.5m, culture));
            decimal? women = null, men = null;
            if (indicator.BySex)
            {
                women = Number(row.Women, culture, out var badWomen);
                men = Number(row.Men, culture, out var badMen);
                if (badWomen || women < 0)
                    Fail("women", "Round.Error.People", T.Format(culture, "Round.Women"));
                if (badMen || men < 0)
                    Fail("men", "Round.Error.People", T.Format(culture, "Round.Men"));
                if (value is { } total && (women ?? 0) + (men ?? 0) > total)
                    Fail("women", "Round.Error.SexSum", NumberText.Format((women ?? 0) + (men ?? 0), culture), NumberText.Format(total, culture));
            }
            var source = Text(row.Source);
            var missing = value is null && !badValue ? Text(row.MissingReason) : null;
            if (value is null && !badValue && missing is null)
                Fail("value", "Round.Error.ValueOrReason");
            if (value is not null && source is null)
                Fail("source", "Round.Error.Source");
            DateOnly? measured = null;
            if (Text(row.MeasuredOn) is { } typedDate)
            {
                if (!DateText.TryParseField(typedDate, culture, out var d))
                    Fail("measured", "Round.Error.Date", DateText.FieldExample(culture));
                else if (d > today)
                    Fail("measured", "Round.Error.FutureDate");
                else
                    measured = d;
            }
            if (row.Evidence is { } file && !annexFiles.Contains(file))
                Fail("evidence", "Round.Error.Evidence");
            foreach (var (field, text, max) in new[] { ("source", row.Source, MaxSourceLength), ("reference", row.EvidenceReference, MaxSourceLength), ("note", row.Note, MaxTextLength), ("missing", row.MissingReason, MaxTextLength), ("reason", row.CorrectionReason, MaxTextLength) })
            {
                if (text?.Trim().Length > max)
                    Fail(field, "Round.Error.TooLong", max, text.Trim().Length);
            }
            if (row.BasedOn != current?.Id)
            {
                // Someone saved this indicator since the page was opened: their value stands and
                // the page shows it; what this person typed comes back for them to check.
                conflicts.Add(r);
                Fail("value", "Round.Error.Conflict", current?.EnteredByName ?? "");
                continue;
            }
            var entry = new IndicatorValue
            {
                IndicatorId = indicator.Id,
                ProposalId = project.Approval.ProposalId,
                OrganisationId = project.Approval.OrganisationId,
                Year = year,
                Kind = ValueKind.Actual,
                Value = value,
                Women = women,
                Men = men,
                MissingReason = missing,
                Source = source,
                MeasuredOn = measured,
                EvidenceFileId = row.Evidence,
                EvidenceReference = Text(row.EvidenceReference),
                Note = Text(row.Note),
                EnteredAt = now,
                EnteredByUserId = access.UserId,
                EnteredByName = access.UserName,
            };
            if (current is not null)
            {
                if (SameAs(entry, current))
                    continue;
                entry.CorrectsId = current.Id;
                entry.CorrectionReason = Text(row.CorrectionReason);
                if (entry.CorrectionReason is null)
                    Fail("reason", "Round.Error.CorrectionReason");
            }
            added.Add(entry);
        }
        return new Outcome(errors.Count == 0 ? added : [], errors, conflicts);
    }

    private static bool SameAs(IndicatorValue a, IndicatorValue b) =>
        a.Value == b.Value && a.Women == b.Women && a.Men == b.Men && a.MissingReason == b.MissingReason && a.Source == b.Source
        && a.MeasuredOn == b.MeasuredOn && a.EvidenceFileId == b.EvidenceFileId && a.EvidenceReference == b.EvidenceReference && a.Note == b.Note;

    private static string? Text(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    private static decimal? Number(string? typed, CultureInfo culture, out bool bad)
    {
        bad = false;
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        if (NumberText.TryParse(typed, culture, out var value) && Math.Abs(value) <= Largest)
            return value;
        bad = true;
        return null;
    }
}
