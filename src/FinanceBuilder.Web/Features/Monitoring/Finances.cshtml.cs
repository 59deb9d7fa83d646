using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// A round's finances and plans: disbursements received in the year, spending by component
/// against the approved budget, co-financing received by co-financier against what each
/// committed, the status of each item of the gender and environmental and social action plans,
/// and each risk's rating. Saved like the indicator values (RecordEntries: append-only, one save
/// and one audit event, post/redirect/get).
public sealed class FinancesPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public const int BlankDisbursements = 2;

    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public MonitoredProject Project { get; private set; } = null!;
    public ReportingRound Round { get; private set; } = null!;
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);
    public int? Saved { get; private set; }

    [BindProperty] public FinancesForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, int year, int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        Saved = saved;
        Form = Stored();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int year, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = RecordEntries.Prepare(Project, year, Form, access, now, Culture);
        if (outcome.Errors.Count == 0 && outcome.Added.Count > 0)
        {
            db.RoundEntries.AddRange(outcome.Added);
            db.AuditEvents.Add(AuditTrail.Event(access, id, Project.Approval.OrganisationId, now, "reported", null,
                MonitoringText.Texts.Format(CultureInfo.InvariantCulture, "Audit.Finances", year, outcome.Added.Count,
                    string.Join(", ", outcome.Added.GroupBy(e => e.Section).Select(g => $"{g.Key} {g.Count()}")))));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another save of the same line won: show the page again from what is stored.
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, year, ct))
                    return NotFound();
                Errors = new(StringComparer.Ordinal) { ["reason"] = MonitoringText.Texts.Format(Culture, "Finances.Error.Race") };
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            }
        }
        else if (outcome.Errors.Count > 0)
        {
            Errors = new Dictionary<string, string>(outcome.Errors, StringComparer.Ordinal);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Redirect(MonitoringUrls.Finances(id, year) + "?saved=" + outcome.Added.Count.ToString(CultureInfo.InvariantCulture));
    }

    /// The form as stored: each saved line with what it says, blank rows to add lines.
    private FinancesForm Stored()
    {
        var e = Project.Entries;
        var form = new FinancesForm();
        foreach (var line in e.Standing(Year, EntrySection.Disbursement))
        {
            var d = RoundEntryData.Read<DisbursementData>(line);
            form.Disbursements.Add(new FinancesForm.DisbursementRow
            {
                Key = line.Key,
                BasedOn = line.Id,
                ReceivedOn = d.ReceivedOn is { } on ? DateText.Field(on, Culture) : null,
                Instrument = d.Instrument,
                Usd = NumberText.Format(d.Usd, Culture),
                Reference = d.Reference,
            });
        }
        for (var i = 0; i < BlankDisbursements; i++)
            form.Disbursements.Add(new FinancesForm.DisbursementRow());
        foreach (var component in Project.Plan.Components)
        {
            var line = e.Current(Year, EntrySection.Expenditure, component.Id);
            var d = line is { Withdrawn: false } ? RoundEntryData.Read<ExpenditureData>(line) : null;
            form.Spending.Add(new FinancesForm.SpendingRow { Key = component.Id, BasedOn = line?.Id, GcfUsd = MonitoringFormat.Field(d?.GcfUsd, Culture), CoFinancingUsd = MonitoringFormat.Field(d?.CoFinancingUsd, Culture) });
        }
        foreach (var cofinancier in Project.Plan.CoFinanciers)
        {
            var line = e.Current(Year, EntrySection.CoFinancing, cofinancier.Id);
            var d = line is { Withdrawn: false } ? RoundEntryData.Read<CoFinancingData>(line) : null;
            form.CoFinancing.Add(new FinancesForm.CoFinancingRow { Key = cofinancier.Id, BasedOn = line?.Id, Usd = MonitoringFormat.Field(d?.Usd, Culture) });
        }
        foreach (var (key, plan, _) in ActionItems())
        {
            var line = e.Current(Year, EntrySection.Action, key);
            var d = line is { Withdrawn: false } ? RoundEntryData.Read<ActionData>(line) : null;
            form.Actions.Add(new FinancesForm.ActionRow { Key = key, BasedOn = line?.Id, Plan = plan, Status = d?.Status, Note = d?.Note, Label = d?.Label });
        }
        form.Actions.Add(new FinancesForm.ActionRow { Plan = ActionPlanKind.Environmental });
        foreach (var risk in Project.Plan.Risks)
        {
            var line = e.Current(Year, EntrySection.Risk, risk.Key);
            var d = line is { Withdrawn: false } ? RoundEntryData.Read<RiskData>(line) : null;
            form.Risks.Add(new FinancesForm.RiskRow { Key = risk.Key, BasedOn = line?.Id, Probability = d?.Probability, Impact = d?.Impact, Note = d?.Note });
        }
        return form;
    }

    /// The action-plan items of every round (so that a measure added in a later year is offered
    /// in its earlier rounds too).
    public IReadOnlyList<(string Key, ActionPlanKind Plan, string Text)> ActionItems() => Project.ActionItems(Project.Approval.LastYear);

    /// The most recent status of an item in an earlier year, with that year.
    public (T Data, int Year)? LastBefore<T>(EntrySection section, string key)
    {
        for (var y = Year - 1; y >= Project.Approval.FirstYear; y--)
        {
            if (Project.Entries.Current(y, section, key) is { Withdrawn: false } line)
                return (RoundEntryData.Read<T>(line), y);
        }
        return null;
    }

    /// What a component spent from each source before this year.
    public (decimal Gcf, decimal CoFinancing) SpentBefore(string component) =>
        Project.Entries.UpTo(Year - 1, EntrySection.Expenditure).Where(e => e.Key == component)
            .Select(RoundEntryData.Read<ExpenditureData>)
            .Aggregate((0m, 0m), (sum, d) => (sum.Item1 + (d.GcfUsd ?? 0), sum.Item2 + (d.CoFinancingUsd ?? 0)));

    public decimal ReceivedBefore(string cofinancier) =>
        Project.Entries.UpTo(Year - 1, EntrySection.CoFinancing).Where(e => e.Key == cofinancier).Sum(e => RoundEntryData.Read<CoFinancingData>(e).Usd);

    public decimal DisbursedUpTo(int year) =>
        Project.Entries.UpTo(year, EntrySection.Disbursement).Sum(e => RoundEntryData.Read<DisbursementData>(e).Usd);

    /// Every entry of a line of this year, first to last (none for a line not yet saved).
    public IReadOnlyList<RoundEntry> Chain(EntrySection section, string? key) =>
        key is null ? [] : Project.Entries.Chain(Year, section, key);

    /// The chains of this year's disbursements entered by mistake: the form no longer offers
    /// them, the record keeps them.
    public IReadOnlyList<IReadOnlyList<RoundEntry>> WithdrawnDisbursements() =>
        [.. Project.Entries.All(Year, EntrySection.Disbursement).Where(e => e.Withdrawn).Select(e => Chain(EntrySection.Disbursement, e.Key))];

    public string? Error(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    private async Task<bool> LoadAsync(Guid id, int year, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, System.Globalization.CultureInfo.CurrentUICulture, ct);
        if (title is null)
            return false;
        var project = await MonitoredProject.LoadAsync(db, id, ct);
        if (project?.Round(year) is not { } round)
            return false;
        Id = id;
        Year = year;
        ProposalTitle = title;
        Project = project;
        Round = round;
        return true;
    }
}
