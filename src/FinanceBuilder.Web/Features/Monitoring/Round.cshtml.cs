using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// One reporting round: every indicator due that year with its baseline, targets and last value,
/// and a field for this year's value with its source, date, evidence and a note; a value already
/// entered is changed only by a correction with its reason (a new row: RecordValues). The post
/// saves every changed row in one save with one audit event, or none of them and shows the form
/// as typed with each problem beside its field; then the page is read again (post/redirect/get),
/// so what is shown is what is stored.
public sealed class RoundPage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public MonitoredProject Project { get; private set; } = null!;
    public ReportingRound Round { get; private set; } = null!;
    public IReadOnlyList<MonitoredIndicator> Due { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> AnnexFiles { get; private set; } = [];
    public RoundState State { get; private set; }
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);
    public int? Saved { get; private set; }
    public AnnualReport Report { get; private set; } = null!;
    public IReadOnlyList<MonitoringComment> Comments { get; private set; } = [];
    public string? CommentError { get; private set; }
    public string? CommentTyped { get; private set; }

    [BindProperty] public RoundForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, int year, int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        Saved = saved;
        Form = new RoundForm { Rows = [.. Due.Select(i => RowFor(i, Project.Values.Current(i.Id, year)))] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int year, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        if (Form.Rows.Count > Due.Count)
            Form.Rows = Form.Rows[..Due.Count];
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = RecordValues.Prepare(Project, year, Form, AnnexFiles.Select(f => f.Id).ToHashSet(), access, now, Culture);
        if (outcome.Errors.Count > 0)
            return Refused(outcome);
        if (outcome.Added.Count > 0)
        {
            db.IndicatorValues.AddRange(outcome.Added);
            var corrections = outcome.Added.Count(v => v.CorrectsId is not null);
            db.AuditEvents.Add(AuditTrail.Event(access, id, Project.Approval.OrganisationId, now, "reported", null,
                MonitoringText.Texts.Format(CultureInfo.InvariantCulture, "Audit.Reported", year, outcome.Added.Count - corrections, corrections,
                    string.Join(", ", outcome.Added.Select(v => Due.First(i => i.Id == v.IndicatorId).Code)))));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another save of the same indicator won the race (the database keeps one chain):
                // read again and show the newer values with what this person typed.
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id, year, ct))
                    return NotFound();
                return Refused(RecordValues.Prepare(Project, year, Form, AnnexFiles.Select(f => f.Id).ToHashSet(), access, now, Culture));
            }
        }
        return Redirect(MonitoringUrls.Round(id, year) + "?saved=" + outcome.Added.Count.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostCommentAsync(Guid id, int year, string? text, CancellationToken ct)
    {
        if (!await LoadAsync(id, year, ct))
            return NotFound();
        if (RoundComments.Problem(text, Culture) is { } problem)
        {
            CommentError = problem;
            CommentTyped = text;
            Form = new RoundForm { Rows = [.. Due.Select(i => RowFor(i, Project.Values.Current(i.Id, year)))] };
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await RoundComments.PostAsync(db, access, Round, text!, clock.GetUtcNow().UtcDateTime, ct);
        return Redirect(MonitoringUrls.Round(id, year) + "#comments");
    }

    private PageResult Refused(RecordValues.Outcome outcome)
    {
        Errors = new Dictionary<string, string>(outcome.Errors, StringComparer.Ordinal);
        // A row that lost a race starts again from the value that won.
        foreach (var r in outcome.Conflicts)
            Form.Rows[r].BasedOn = Project.Values.Current(Form.Rows[r].Indicator, Year)?.Id;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// The posted row for an indicator, matched by id whatever order the rows came in.
    public RoundForm.Row Row(MonitoredIndicator indicator) =>
        Form.Rows.FirstOrDefault(r => r.Indicator == indicator.Id) ?? RowFor(indicator, null);

    public int RowIndex(MonitoredIndicator indicator) => Due.ToList().IndexOf(indicator);

    private RoundForm.Row RowFor(MonitoredIndicator indicator, IndicatorValue? current) => new()
    {
        Indicator = indicator.Id,
        BasedOn = current?.Id,
        Value = MonitoringFormat.Field(current?.Value, Culture),
        Women = MonitoringFormat.Field(current?.Women, Culture),
        Men = MonitoringFormat.Field(current?.Men, Culture),
        Source = current?.Source,
        MeasuredOn = current?.MeasuredOn is { } d ? Localization.DateText.Field(d, Culture) : null,
        Evidence = current?.EvidenceFileId,
        EvidenceReference = current?.EvidenceReference,
        Note = current?.Note,
        MissingReason = current?.MissingReason,
    };

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
        State = RoundStates.Of(round, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Due = [.. project.DueIn(year)];
        AnnexFiles = (await db.AnnexFiles.AsNoTracking().Where(f => f.ProposalId == id).OrderBy(f => f.Name).Select(f => new { f.Id, f.Name }).ToListAsync(ct))
            .Select(f => (f.Id, f.Name)).ToList();
        Report = AnnualReport.For(project, year, ProposalTitle, AnnexFiles.ToDictionary(f => f.Id, f => f.Name));
        Comments = await RoundComments.ReadAsync(db, round.Id, ct);
        return true;
    }

    public string? Error(int row, string field) => Errors.TryGetValue($"row-{row}-{field}", out var e) ? e : null;

    /// What the report's checks found about one indicator, shown beside it.
    public IEnumerable<ReportFinding> FindingsOf(MonitoredIndicator indicator) => Report.Findings.Where(f => f.Subject == indicator.Code);
}
