using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// Submit the proposal as its next version. A proposal with errors may be submitted: it goes
/// as a DRAFT package (every page says so) and the page says so plainly before the button. A
/// municipal officer often needs the donor's or the accredited entity's early reading of an
/// incomplete proposal (the errors are frequently figures only they can supply), and a donor
/// would rather see a marked draft than nothing; refusing would push people to send unmarked
/// files by email instead. The donor's list shows the error count and the draft mark.
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class SubmitPage(FinanceBuilderDbContext db, IMediator mediator, ProposalValidation validation) : PageModel
{
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public Route Route { get; private set; }
    public string? TemplateVersion { get; private set; }
    public int Errors { get; private set; }
    public string NextLabel { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name, bool Shared)> Donors { get; private set; } = [];
    public string IdempotencyKey { get; private set; } = "";
    /// Set when the proposal has not changed since this version (409).
    public int? UnchangedSince { get; private set; }
    public string? Problem { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? idempotencyKey, List<Guid>? donors, CancellationToken ct)
    {
        // API-style clients may send the key as a header instead of a form field.
        var key = idempotencyKey ?? Request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await mediator.Send(new SubmitProposal.Command(id, key ?? "", donors ?? [], Culture), ct);
        switch (result.Outcome)
        {
            case SubmitProposal.Outcome.NotFound:
                return NotFound();
            case SubmitProposal.Outcome.Created or SubmitProposal.Outcome.Existing:
                return Redirect(SubmissionUrls.Version(id, result.Number!.Value));
        }
        if (!await LoadAsync(id, ct))
            return NotFound();
        switch (result.Outcome)
        {
            case SubmitProposal.Outcome.Unchanged:
                UnchangedSince = result.Number;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case SubmitProposal.Outcome.Changed:
                Problem = SubmissionText.Texts["Submit.Changed"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case SubmitProposal.Outcome.BadKey:
                Problem = SubmissionText.Texts["Submit.BadKey"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                Problem = SubmissionText.Texts["Submit.PackageFailed", result.Problem];
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
            return false;
        var proposal = ProposalJson.FromStored(record.Document);
        EngagementEvidence.Attach(proposal, record.Engagement);
        Id = id;
        Title = proposal.Basics.Title is { Length: > 0 } t ? t : ProposalText.Get("Ui.Untitled", Culture);
        Route = proposal.Target.Route ?? Route.FundingProposal;
        TemplateVersion = proposal.Target.TemplateVersion;
        // The proposal's own type of application, as the package and the donors will check it.
        Errors = validation.Validate(proposal, Route).Findings.Count(f => f.Severity == Severity.Error);
        var count = await db.Submissions.CountAsync(s => s.ProposalId == id, ct);
        // Said before the click, not only after it: nothing changed since that version.
        UnchangedSince ??= await db.Submissions.Where(s => s.ProposalId == id && s.ProposalVersion == record.Version).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct);
        NextLabel = SubmissionRecord.FormatVersion(count + 1);
        var shared = await db.ProposalShares.Where(s => s.ProposalId == id).Select(s => s.DonorOrganisationId).ToListAsync(ct);
        Donors = (await SubmitProposal.Donors(db).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name, shared.Contains(o.Id)))
            .ToList();
        // A new key for each time the page is shown: the same page posted twice is one submission.
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return true;
    }
}
