using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Turns a posted finances-and-plans form into the entries to add, as RecordValues does for
/// indicator values: blank new rows and unchanged lines add nothing, a changed line is a
/// correction (the form's one reason is then required), a line saved by someone else since the
/// page was opened is not touched. Each problem is keyed by the field it is about; when there is
/// one, nothing is added.
public sealed class RecordEntries
{
    public const decimal Largest = 1_000_000_000_000m;
    public const int MaxText = 2000;
    public const int MaxLabel = 500;
    public const int MaxNewLines = 20;

    private readonly MonitoredProject project;
    private readonly int year;
    private readonly CultureInfo culture;
    private readonly AccessScope access;
    private readonly DateTime now;
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly List<RoundEntry> added = [];
    private readonly HashSet<string> conflicts = new(StringComparer.Ordinal);
    private bool corrects;

    public sealed record Outcome(IReadOnlyList<RoundEntry> Added, IReadOnlyDictionary<string, string> Errors, IReadOnlySet<string> Conflicts);

    private RecordEntries(MonitoredProject project, int year, CultureInfo culture, AccessScope access, DateTime now)
    {
        this.project = project;
        this.year = year;
        this.culture = culture;
        this.access = access;
        this.now = now;
    }

    public static Outcome Prepare(MonitoredProject project, int year, FinancesForm form, AccessScope access, DateTime now, CultureInfo culture)
    {
        var run = new RecordEntries(project, year, culture, access, now);
        run.Disbursements(form.Disbursements);
        var components = project.Plan.Components.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < form.Spending.Count; i++)
        {
            var row = form.Spending[i];
            if (row.Key is null || !components.Contains(row.Key))
                continue;
            var gcf = run.Amount(row.GcfUsd, $"spending-{i}-gcf");
            var co = run.Amount(row.CoFinancingUsd, $"spending-{i}-co");
            run.Consider(EntrySection.Expenditure, row.Key, row.BasedOn, gcf is null && co is null ? null : new ExpenditureData(gcf, co), false, $"spending-{i}-gcf");
        }
        var cofinanciers = project.Plan.CoFinanciers.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < form.CoFinancing.Count; i++)
        {
            var row = form.CoFinancing[i];
            if (row.Key is null || !cofinanciers.Contains(row.Key))
                continue;
            var usd = run.Amount(row.Usd, $"cofinancing-{i}-usd");
            run.Consider(EntrySection.CoFinancing, row.Key, row.BasedOn, usd is null ? null : new CoFinancingData(usd.Value), false, $"cofinancing-{i}-usd");
        }
        run.Actions(form.Actions);
        var risks = project.Plan.Risks.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < form.Risks.Count; i++)
        {
            var row = form.Risks[i];
            if (row.Key is null || !risks.Contains(row.Key))
                continue;
            var note = run.Text(row.Note, MaxText, $"risk-{i}-note");
            var blank = row.Probability is null && row.Impact is null && note is null;
            run.Consider(EntrySection.Risk, row.Key, row.BasedOn, blank ? null : new RiskData(row.Probability, row.Impact, note), false, $"risk-{i}-probability");
        }
        var reason = run.Text(form.Reason, MaxText, "reason");
        if (run.corrects && reason is null)
            run.Fail("reason", "Finances.Error.Reason");
        foreach (var entry in run.added.Where(e => e.CorrectsId is not null))
            entry.CorrectionReason = reason;
        return new Outcome(run.errors.Count == 0 ? run.added : [], run.errors, run.conflicts);
    }

    private void Disbursements(List<FinancesForm.DisbursementRow> rows)
    {
        var next = project.Entries.All(year, EntrySection.Disbursement).Select(e => int.TryParse(e.Key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        var fresh = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var existing = row.Key is not null && project.Entries.Current(year, EntrySection.Disbursement, row.Key) is not null;
            if (row.Key is not null && !existing && row.BasedOn is not null)
                continue; // a line that is not this project's
            var usd = Amount(row.Usd, $"disbursement-{i}-usd");
            DateOnly? received = null;
            if (!string.IsNullOrWhiteSpace(row.ReceivedOn))
            {
                if (!DateText.TryParseField(row.ReceivedOn, culture, out var d))
                    Fail($"disbursement-{i}-date", "Finances.Error.Date", DateText.FieldExample(culture));
                else if (d.Year != year)
                    Fail($"disbursement-{i}-date", "Finances.Error.DateInYear", year);
                else
                    received = d;
            }
            var reference = Text(row.Reference, MaxLabel, $"disbursement-{i}-reference");
            var blank = usd is null && string.IsNullOrWhiteSpace(row.ReceivedOn) && row.Instrument is null && reference is null;
            if (!blank && !row.Withdraw)
            {
                if (usd is null or 0)
                    Fail($"disbursement-{i}-usd", "Finances.Error.DisbursementAmount");
                if (string.IsNullOrWhiteSpace(row.ReceivedOn))
                    Fail($"disbursement-{i}-date", "Finances.Error.DisbursementDate");
            }
            if (!existing)
            {
                if (blank)
                    continue;
                if (++fresh > MaxNewLines)
                {
                    Fail($"disbursement-{i}-usd", "Finances.Error.TooManyLines", MaxNewLines);
                    continue;
                }
                row.Key = "d" + (next++).ToString(CultureInfo.InvariantCulture);
            }
            Consider(EntrySection.Disbursement, row.Key!, row.BasedOn, blank ? null : new DisbursementData(received, row.Instrument, usd ?? 0, reference), row.Withdraw, $"disbursement-{i}-usd");
        }
    }

    private void Actions(List<FinancesForm.ActionRow> rows)
    {
        var known = project.Plan.Actions.Select(a => a.Key)
            .Concat(Enumerable.Range(project.Approval.FirstYear, project.Approval.LastYear - project.Approval.FirstYear + 1)
                .SelectMany(y => project.Entries.All(y, EntrySection.Action)).Select(e => e.Key))
            .ToHashSet(StringComparer.Ordinal);
        var next = known.Where(k => k.StartsWith('e')).Select(k => int.TryParse(k.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var note = Text(row.Note, MaxText, $"action-{i}-note");
            var label = Text(row.Label, MaxLabel, $"action-{i}-label");
            if (row.Key is null)
            {
                // A new environmental or social measure: its text and a status.
                if (label is null && row.Status is null && note is null)
                    continue;
                if (label is null)
                    Fail($"action-{i}-label", "Finances.Error.ActionLabel");
                if (row.Status is null)
                    Fail($"action-{i}-status", "Finances.Error.ActionStatus");
                row.Key = "e" + (next++).ToString(CultureInfo.InvariantCulture);
                if (row.Status is { } status)
                    Consider(EntrySection.Action, row.Key, null, new ActionData(status, note, label, ActionPlanKind.Environmental), false, $"action-{i}-status");
                continue;
            }
            if (!known.Contains(row.Key))
                continue;
            var plan = project.Plan.Actions.FirstOrDefault(a => a.Key == row.Key)?.Plan ?? ActionPlanKind.Environmental;
            if (row.Status is null && note is not null)
                Fail($"action-{i}-status", "Finances.Error.ActionStatus");
            Consider(EntrySection.Action, row.Key, row.BasedOn, row.Status is { } s ? new ActionData(s, note, plan == ActionPlanKind.Environmental ? label : null, plan) : null, false, $"action-{i}-status");
        }
    }

    /// Adds the line if it is new and filled, or changed; refuses it if the page was stale.
    private void Consider(EntrySection section, string key, long? basedOn, object? data, bool withdraw, string anchor)
    {
        var current = project.Entries.Current(year, section, key);
        if (current is null && (data is null || withdraw))
            return;
        if (basedOn != current?.Id)
        {
            conflicts.Add(anchor);
            Fail(anchor, "Finances.Error.Conflict", current?.EnteredByName ?? "");
            return;
        }
        var json = data is null ? current?.Data ?? "{}" : RoundEntryData.Write(data);
        // A cleared line of figures withdraws it, as the withdraw box does.
        var withdrawn = withdraw || data is null;
        if (current is not null && current.Data == json && current.Withdrawn == withdrawn)
            return;
        var entry = new RoundEntry
        {
            ProposalId = project.Approval.ProposalId,
            OrganisationId = project.Approval.OrganisationId,
            Year = year,
            Section = section,
            Key = key,
            Data = json,
            Withdrawn = withdrawn,
            CorrectsId = current?.Id,
            EnteredAt = now,
            EnteredByUserId = access.UserId,
            EnteredByName = access.UserName,
        };
        corrects |= current is not null;
        added.Add(entry);
    }

    private decimal? Amount(string? typed, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        if (NumberText.TryParse(typed, culture, out var value) && value is >= 0 and <= Largest)
            return value;
        Fail(field, "Finances.Error.Amount", NumberText.Format(125_000m, culture));
        return null;
    }

    private string? Text(string? typed, int max, string field)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var text = typed.Trim();
        if (text.Length > max)
            Fail(field, "Finances.Error.TooLong", max, text.Length);
        return text;
    }

    private void Fail(string field, string key, params object?[] args) =>
        errors.TryAdd(field, MonitoringText.Texts.Format(culture, key, args));
}
