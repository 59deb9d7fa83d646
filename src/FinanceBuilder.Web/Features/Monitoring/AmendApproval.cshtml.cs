using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// "Amend the approval": the effectiveness date usually arrives months after the Board's
/// decision, and a mistyped meeting, date or amount must be put right. The decision, the amounts
/// and the days after year end a report is due can change; a new number of days re-dates the
/// rounds not yet sent (a sent round keeps the date it was sent against). The reported years and
/// the plan stay as recorded: rounds, values and lines already hang on them. Readers see the page
/// and are refused the post (ProposalWriteFilter); another organisation's project is not found.
public sealed class AmendApprovalPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public ApprovalRecord Approval { get; private set; } = null!;
    public int IndicatorCount { get; private set; }
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty] public ApprovalForm Form { get; set; } = new();
    /// The approval's version the page was opened on, and the form as it stood then: what this
    /// person changed is what differs from it.
    [BindProperty] public int SeenVersion { get; set; }
    [BindProperty] public ApprovalForm Seen { get; set; } = new();
    /// Someone amended the approval after this page was opened: the page shows what they saved,
    /// and the form holds it with this person's own changes laid over it, to check and save.
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        Form = Stored(Approval, Culture);
        Seen = Stored(Approval, Culture);
        SeenVersion = Approval.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        // The years are fixed: the posted ones are ignored, the stored ones validated with the rest.
        Form.FirstYear = Approval.FirstYear.ToString(CultureInfo.InvariantCulture);
        Form.LastYear = Approval.LastYear.ToString(CultureInfo.InvariantCulture);
        Form.Cumulative = [];
        var result = new ApprovalForm.Validator(Culture, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (SeenVersion != Approval.Version)
            return StalePage();
        var form = Form.Parse(Culture);
        var changes = Changes(Approval, form);
        if (changes.Count == 0)
            return Redirect(MonitoringUrls.Overview(id) + "?done=unchanged");

        var approval = await db.Approvals.FirstAsync(a => a.Id == Approval.Id, ct);
        if (approval.Version != SeenVersion)
        {
            Approval = approval;
            return StalePage();
        }
        approval.Version++;
        approval.BoardMeeting = form.BoardMeeting;
        approval.ApprovedOn = form.ApprovedOn;
        approval.EffectiveOn = form.EffectiveOn;
        approval.ApprovedAmounts = ApprovedAmounts.Write(form.Amounts);
        approval.DueDaysAfterYearEnd = form.DueDays;
        var redated = 0;
        foreach (var round in await db.ReportingRounds.Where(r => r.ApprovalId == approval.Id && r.SentAt == null).ToListAsync(ct))
        {
            var due = MonitoringPlan.DueOn(round.Year, form.DueDays);
            if (round.DueOn != due)
            {
                round.DueOn = due;
                redated++;
            }
        }
        if (redated > 0)
            changes.Add(MonitoringText.Texts.Format(CultureInfo.InvariantCulture, "Audit.Amended.Redated", redated));
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEvents.Add(AuditTrail.Event(access, id, approval.OrganisationId, now, "approval-amended", null,
            MonitoringText.Texts.Format(CultureInfo.InvariantCulture, "Audit.Amended", string.Join("; ", changes))));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another amendment was saved between this request's read and its write.
            db.ChangeTracker.Clear();
            if (await LoadAsync(id, ct) is { } gone)
                return gone;
            return StalePage();
        }
        return Redirect(MonitoringUrls.Overview(id) + "?done=amended");
    }

    /// 409 with the approval as now saved, and the form rebased on it: each field this person
    /// changed keeps their value, every other field takes the other amendment's. Saving again is
    /// a choice made having seen both.
    private PageResult StalePage()
    {
        var now = Stored(Approval, Culture);
        string? Kept(string? typed, string? seen, string? saved) => (typed ?? "").Trim() != (seen ?? "").Trim() ? typed : saved;
        static string Amounts(ApprovalForm f) => string.Join(";", f.Amounts.Where(a => a.Instrument is not null || !string.IsNullOrWhiteSpace(a.Usd)).Select(a => $"{a.Instrument}={a.Usd?.Trim()}"));
        Form = new ApprovalForm
        {
            BoardMeeting = Kept(Form.BoardMeeting, Seen.BoardMeeting, now.BoardMeeting),
            ApprovedOn = Kept(Form.ApprovedOn, Seen.ApprovedOn, now.ApprovedOn),
            EffectiveOn = Kept(Form.EffectiveOn, Seen.EffectiveOn, now.EffectiveOn),
            Amounts = Amounts(Form) != Amounts(Seen) ? Form.Amounts : now.Amounts,
            FirstYear = now.FirstYear,
            LastYear = now.LastYear,
            DueDays = Kept(Form.DueDays, Seen.DueDays, now.DueDays),
        };
        Seen = now;
        SeenVersion = Approval.Version;
        Stale = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// The form as the approval stands, in the reader's way of writing dates and numbers.
    private static ApprovalForm Stored(ApprovalRecord approval, CultureInfo culture) => new()
    {
        BoardMeeting = approval.BoardMeeting,
        ApprovedOn = DateText.Field(approval.ApprovedOn, culture),
        EffectiveOn = approval.EffectiveOn is { } e ? DateText.Field(e, culture) : null,
        Amounts = [.. ApprovedAmounts.Read(approval.ApprovedAmounts).Select(a => new ApprovalForm.AmountRow { Instrument = a.Instrument, Usd = NumberText.Format(a.Usd, culture) })],
        FirstYear = approval.FirstYear.ToString(CultureInfo.InvariantCulture),
        LastYear = approval.LastYear.ToString(CultureInfo.InvariantCulture),
        DueDays = approval.DueDaysAfterYearEnd.ToString(CultureInfo.InvariantCulture),
    };

    /// What the amendment changes, each as "what: before → after" for the audit trail (in the
    /// invariant wording of the other audit summaries).
    private static List<string> Changes(ApprovalRecord before, ApprovalForm.Parsed after)
    {
        var T = MonitoringText.Texts;
        var inv = CultureInfo.InvariantCulture;
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
        static string Usd(decimal? usd) => usd?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "—";
        var changes = new List<string>();
        void Changed(string key, string was, string now)
        {
            if (was != now)
                changes.Add(T.Format(inv, key, was, now));
        }
        Changed("Audit.Amended.BoardMeeting", before.BoardMeeting, after.BoardMeeting);
        Changed("Audit.Amended.ApprovedOn", Date(before.ApprovedOn), Date(after.ApprovedOn));
        Changed("Audit.Amended.EffectiveOn", Date(before.EffectiveOn), Date(after.EffectiveOn));
        var was = ApprovedAmounts.Read(before.ApprovedAmounts);
        foreach (var instrument in was.Select(a => a.Instrument).Union(after.Amounts.Select(a => a.Instrument)))
        {
            var name = ProposalText.Get($"Enum.{nameof(FinancialInstrument)}.{instrument}", inv);
            var usdWas = Usd(was.FirstOrDefault(a => a.Instrument == instrument)?.Usd);
            var usdNow = Usd(after.Amounts.FirstOrDefault(a => a.Instrument == instrument)?.Usd);
            if (usdWas != usdNow)
                changes.Add(T.Format(inv, "Audit.Amended.Amount", name, usdWas, usdNow));
        }
        Changed("Audit.Amended.DueDays", before.DueDaysAfterYearEnd.ToString(inv), after.DueDays.ToString(inv));
        return changes;
    }

    /// Null when the page can show; otherwise what to answer instead.
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, Culture, ct);
        if (title is null)
            return NotFound();
        var approval = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.ProposalId == id, ct);
        if (approval is null)
            return Redirect(MonitoringUrls.Overview(id));
        Id = id;
        ProposalTitle = title;
        Approval = approval;
        IndicatorCount = await db.MonitoredIndicators.CountAsync(i => i.ApprovalId == approval.Id, ct);
        return null;
    }
}
