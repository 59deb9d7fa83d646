using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// "Monitoring": the approval, the monitoring plan and the reporting rounds with where each
/// stands. Before an approval is recorded it says where to record one.
public sealed class OverviewPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public MonitoredProject? Project { get; private set; }
    /// The submitted versions, newest first, for the page of a proposal not yet approved.
    public IReadOnlyList<int> Versions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Done { get; private set; }
    public int? DoneYear { get; private set; }
    public bool CanEdit => access.CanEditProposals;
    /// After a report is marked sent: the published catalogue action that shows this project's
    /// progress, to publish again so that it shows the new year (ADR 0021, "not done").
    public Guid? ActionToRepublish { get; private set; }

    /// The report of a year went to the funder: no more reminders for it. Marking it again
    /// changes nothing; "reopen" undoes a mistaken mark. Both are audited.
    public Task<IActionResult> OnPostSentAsync(Guid id, int year, CancellationToken ct) => MarkAsync(id, year, sent: true, ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, int year, CancellationToken ct) => MarkAsync(id, year, sent: false, ct);

    private async Task<IActionResult> MarkAsync(Guid id, int year, bool sent, CancellationToken ct)
    {
        if (!await db.Proposals.AsNoTracking().AnyAsync(p => p.Id == id, ct))
            return NotFound();
        var round = await db.ReportingRounds.FirstOrDefaultAsync(r => r.ProposalId == id && r.Year == year, ct);
        if (round is null)
            return NotFound();
        if ((round.SentAt is not null) != sent)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            round.SentAt = sent ? now : null;
            round.SentByName = sent ? access.UserName : null;
            db.AuditEvents.Add(Collaboration.AuditTrail.Event(access, id, round.OrganisationId, now, sent ? "report-sent" : "report-reopened", null,
                year.ToString(CultureInfo.InvariantCulture)));
            await db.SaveChangesAsync(ct);
        }
        return Redirect(MonitoringUrls.Overview(id) + $"?done={(sent ? "sent" : "reopened")}&year={year.ToString(CultureInfo.InvariantCulture)}#rounds");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, int? year, CancellationToken ct)
    {
        var title = await ProposalTitles.FindAsync(db, id, System.Globalization.CultureInfo.CurrentUICulture, ct);
        if (title is null)
            return NotFound();
        Id = id;
        ProposalTitle = title;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Done = done is "approved" or "already" or "sent" or "reopened" or "amended" or "unchanged" ? done : null;
        DoneYear = year;
        Project = await MonitoredProject.LoadAsync(db, id, ct);
        if (Done == "sent")
        {
            var published = await db.CatalogueActions.AsNoTracking().Where(a => a.ProposalId == id && a.PublishedRevision != null)
                .Select(a => new { a.Id, a.Document }).ToListAsync(ct);
            ActionToRepublish = published.FirstOrDefault(a => FinanceBuilder.Web.Catalogue.ActionJson.FromStored(a.Document).ShowProgress)?.Id;
        }
        if (Project is null)
            Versions = await db.Submissions.AsNoTracking().Where(s => s.ProposalId == id).OrderByDescending(s => s.Number).Select(s => s.Number).ToListAsync(ct);
        return Page();
    }

    /// How many of the round's due indicators have a value or a reason for having none.
    public (int Entered, int Due) Progress(int year)
    {
        var due = Project!.DueIn(year).ToList();
        return (due.Count(i => Project.Values.Current(i.Id, year) is not null), due.Count);
    }

    public static string VersionLabel(int number) => SubmissionRecord.FormatVersion(number);
}
