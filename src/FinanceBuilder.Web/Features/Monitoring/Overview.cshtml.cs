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
public sealed class OverviewPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock, Mediator.IPublisher publisher) : PageModel
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
    /// After a report is marked sent: the published catalogue action whose progress took the
    /// year's values (the catalogue follows the mark, ProgressFollowsReports).
    public Guid? ActionShowingProgress { get; private set; }

    /// The report of a year went to the funder: no more reminders for it, and its values join the
    /// progress the catalogue shows when the organisation agreed. Marking it again changes
    /// nothing; "reopen" undoes a mistaken mark (and takes the year's values out of public view).
    /// Both are audited, and saved with what follows from them in one transaction.
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
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await publisher.Publish(new ReportMarked(id, year, sent), ct);
            await transaction.CommitAsync(ct);
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
        if (Done == "sent" && year is { } sentYear && Project?.Round(sentYear)?.SentAt is { } sentAt)
        {
            // The action whose public progress took the year when it was marked (nothing is said
            // when no value of that year was there to add).
            var actions = db.CatalogueActions.Where(a => a.ProposalId == id).Select(a => a.Id);
            ActionShowingProgress = await db.ActionPublications.AsNoTracking()
                .Where(p => actions.Contains(p.ActionId) && p.Kind == "progress" && p.At >= sentAt)
                .OrderByDescending(p => p.At).Select(p => (Guid?)p.ActionId).FirstOrDefaultAsync(ct);
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
