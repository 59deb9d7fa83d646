using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// "Record the approval" of one submitted version: the Board meeting, the dates, the amounts
/// approved by instrument and the reporting calendar. Saving copies the version's results
/// framework into the monitoring plan and makes one reporting round per year, in one save with
/// its audit event; the proposal then has a monitoring page. Readers see the page and are refused
/// the post (ProposalWriteFilter); a second approval of the same proposal is refused by the
/// database as well as here.
public sealed class ApprovePage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public SubmissionRecord Submission { get; private set; } = null!;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public bool CanEdit => access.CanEditProposals;
    /// The field of each problem (first message only), in the form's order.
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty] public ApprovalForm Form { get; set; } = new();

    private Proposal snapshot = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int n, CancellationToken ct)
    {
        if (!await LoadAsync(id, n, ct))
            return NotFound();
        if (await db.Approvals.AsNoTracking().AnyAsync(a => a.ProposalId == id, ct))
            return Redirect(MonitoringUrls.Overview(id));
        Form = ApprovalForm.Suggested(snapshot, Today, Culture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int n, CancellationToken ct)
    {
        if (!await LoadAsync(id, n, ct))
            return NotFound();
        if (await db.Approvals.AsNoTracking().AnyAsync(a => a.ProposalId == id, ct))
            return Redirect(MonitoringUrls.Overview(id) + "?done=already");
        var result = new ApprovalForm.Validator(Culture, Today).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var form = Form.Parse(Culture);
        var now = clock.GetUtcNow().UtcDateTime;
        var approval = new ApprovalRecord
        {
            Id = Guid.NewGuid(),
            ProposalId = id,
            OrganisationId = Submission.OrganisationId,
            SubmissionId = Submission.Id,
            SubmissionNumber = Submission.Number,
            BoardMeeting = form.BoardMeeting,
            ApprovedOn = form.ApprovedOn,
            EffectiveOn = form.EffectiveOn,
            ApprovedAmounts = ApprovedAmounts.Write(form.Amounts),
            FirstYear = form.FirstYear,
            LastYear = form.LastYear,
            DueDaysAfterYearEnd = form.DueDays,
            Plan = MonitoringPlan.PlanOf(snapshot).Write(),
            RecordedAt = now,
            RecordedByUserId = access.UserId,
            RecordedByName = access.UserName,
        };
        var plan = MonitoringPlan.From(snapshot.Results, approval, form.Cumulative);
        db.Approvals.Add(approval);
        db.MonitoredIndicators.AddRange(plan);
        db.ReportingRounds.AddRange(MonitoringPlan.Rounds(approval));
        db.AuditEvents.Add(AuditTrail.Event(access, id, Submission.OrganisationId, now, "approved", null,
            MonitoringText.Texts.Format(CultureInfo.InvariantCulture, "Audit.Approved", Submission.VersionLabel, form.BoardMeeting, plan.Count)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone approved this proposal a moment ago: theirs stands.
            return Redirect(MonitoringUrls.Overview(id) + "?done=already");
        }
        return Redirect(MonitoringUrls.Overview(id) + "?done=approved");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<bool> LoadAsync(Guid id, int n, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, System.Globalization.CultureInfo.CurrentUICulture, ct);
        if (title is null)
            return false;
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.ProposalId == id && s.Number == n, ct);
        if (submission is null)
            return false;
        Id = id;
        Submission = submission;
        ProposalTitle = title;
        snapshot = ProposalJson.FromStored(submission.Document);
        Indicators = snapshot.Results.Indicators;
        return true;
    }
}
