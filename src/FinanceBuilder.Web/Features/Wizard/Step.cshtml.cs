using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Panels;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Wizard;

/// One wizard page (design D9): shows a step of the catalogue, saves it with a plain form post
/// (post/redirect/get) or, with JavaScript, by autosave. A save from a stale version is never
/// written over a newer one; an expired antiforgery token never loses what was typed.
[IgnoreAntiforgeryToken] // checked by hand below, so a failed check shows the typed answers again
// A page posts at most a few thousand short values (a page of a long list); a narrative of 20,000
// characters is under 256 KB even when every character is percent-encoded.
[RequestSizeLimit(4 * 1024 * 1024)]
[RequestFormLimits(ValueCountLimit = 5_000, ValueLengthLimit = 256 * 1024, KeyLengthLimit = 512)]
public sealed class StepPage(IMediator mediator, ProposalValidation validation, IAntiforgery antiforgery, Data.AccessScope access) : PageModel
{
    public Step Step { get; private set; } = null!;
    public ProposalSummary Summary { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public StepScreen Screen { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    /// The version the form carries: the one the answers shown were read from.
    public int FormVersion { get; private set; }
    public StepConflict? Conflict { get; private set; }
    public string? Notice { get; private set; }
    public int ListPage { get; private set; } = 1;
    public Step? Previous { get; private set; }
    public Step? Next { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    // page is read [FromQuery]: Razor Pages keeps its own route value "page" (the page's path),
    // which would be bound instead and always show the first page of a long list.
    public async Task<IActionResult> OnGetAsync(Guid id, string step, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null || StepCatalogue.Find(step) is not { } found)
            return NotFound();
        if (!found.IsApplicable(opened.Proposal))
            return Redirect(WizardUrls.TaskList(id));
        Show(found, opened.Check(validation), page, errors: null, posted: null);
        return Page();
    }

    /// The form post (works without JavaScript): post/redirect/get on success, the page again
    /// with the errors otherwise.
    public async Task<IActionResult> OnPostAsync(Guid id, string step, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (await ReadFormAsync(ct) is not { } posted)
            return BadRequest();
        var action = posted["action"].ToString();
        var valid = await antiforgery.IsRequestValidAsync(HttpContext);
        // A post from another site is refused outright (cross-site request forgery). From this
        // site, the session's token expired while the user typed: the answers come back unsaved,
        // with a fresh token, and one more click saves them — over the version they were typed
        // on, so a save made meanwhile is compared, never overwritten.
        if (!valid && (!FromThisSite() || PostedVersion() is null))
            return BadRequest();

        var result = await mediator.Send(new SaveStep.Command(id, step, posted, PostedVersion(), action, Culture, MarksChecked: true, KeepOnly: !valid), ct);
        switch (result)
        {
            case SaveStep.Invalid { } kept when !valid:
                Notice = ProposalText.Get("Ui.SessionExpired", Culture);
                Show(kept.Step, kept.Page, page, kept.Errors, posted, formVersion: PostedVersion());
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case SaveStep.Invalid invalid:
                Show(invalid.Step, invalid.Page, page, invalid.Errors, posted);
                return Page();
            case SaveStep.Conflict { CopyReady: true } copy when action == "copy":
                var created = await mediator.Send(new CreateProposal.Command(copy.Page.Proposal, copy.Page.OwnerOrganisationId), ct);
                return Redirect(WizardUrls.TaskList(created.Id) + "?copied=1");
            case SaveStep.Conflict conflict:
                // Someone saved since this page was opened. The user's answers, put over the
                // newest version, are shown beside the saved ones; nothing is written until they choose.
                Conflict = new StepConflict(conflict.Page.Summary.Version, SavedAt(conflict.Page.Summary.UpdatedAt), conflict.Differences);
                Show(conflict.Step, conflict.Page, page, conflict.Errors, posted);
                return Page();
            case SaveStep.NotApplicable:
                return Redirect(WizardUrls.TaskList(id));
            case SaveStep.Saved saved:
                var next = StepCatalogue.Next(saved.Step, saved.Page.Proposal);
                return action switch
                {
                    "continue" => Redirect(next is null ? WizardUrls.CheckAnswers(id) : WizardUrls.Step(id, next.Id)),
                    "later" => Redirect(WizardUrls.TaskList(id) + "?saved=" + saved.Step.Id),
                    _ when saved.ListChange.Changed => Redirect(WizardUrls.Step(id, saved.Step.Id, saved.ListChange.Page) + "#" + saved.ListChange.Anchor),
                    _ => Redirect(WizardUrls.Step(id, saved.Step.Id, page) + "#saved"),
                };
            default:
                return NotFound();
        }
    }

    /// Autosave (JavaScript): the same save as the form post, answered as JSON with every part of
    /// the page that depends on the answers, drawn as a reload would draw it, so the page can
    /// replace them all (errors under questions, checks, panels, totals, the page's status).
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, string step, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (await ReadFormAsync(ct) is not { } posted)
            return BadRequest();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // Only this site's own page gets a fresh token (another site could not read it anyway).
            if (!FromThisSite())
                return BadRequest();
            return new JsonResult(new AutosaveReply("expired", PostedVersion() ?? 0, null, Token: antiforgery.GetAndStoreTokens(HttpContext).RequestToken))
            { StatusCode = StatusCodes.Status400BadRequest };
        }
        var result = await mediator.Send(new SaveStep.Command(id, step, posted, PostedVersion(), "autosave", Culture, MarksChecked: false), ct);
        switch (result)
        {
            case SaveStep.Saved saved:
                return Reply("saved", saved.Step, saved.Page, new Dictionary<string, string>(), null, SavedAt(saved.Page.Summary.UpdatedAt), page);
            case SaveStep.Invalid invalid:
                return Reply("invalid", invalid.Step, invalid.Page, invalid.Errors, posted,
                    ProposalText.Format(Culture, Plural.Key("Ui.AutosaveInvalid", invalid.Errors.Count, Culture), invalid.Errors.Count), page);
            case SaveStep.Conflict conflict:
                return new JsonResult(new AutosaveReply("conflict", conflict.Page.Summary.Version, ProposalText.Get("Ui.ConflictShort", Culture)));
            default:
                // A page that no longer applies (the focus changed in another tab) saves nothing.
                return NotFound();
        }
    }

    private JsonResult Reply(string status, Step step, CheckedProposal page, IReadOnlyDictionary<string, string> errors, IFormCollection? posted, string? message, int listPage)
    {
        var screen = StepScreen.Of(step, page, errors, posted, Math.Max(1, listPage), Culture, access.CanEditProposals, liveOnly: true);
        return new JsonResult(new AutosaveReply(status, page.Summary.Version, message, Live: screen.Live, Invalid: screen.Form.Invalid));
    }

    private void Show(Step step, CheckedProposal page, int listPage, IReadOnlyDictionary<string, string>? errors, IFormCollection? posted, int? formVersion = null)
    {
        Step = step;
        Summary = page.Summary;
        Proposal = page.Proposal;
        ListPage = Math.Max(1, listPage);
        FormVersion = formVersion ?? page.Summary.Version;
        Errors = errors ?? new Dictionary<string, string>();
        Previous = StepCatalogue.Previous(step, page.Proposal);
        Next = StepCatalogue.Next(step, page.Proposal);
        Screen = StepScreen.Of(step, page, Errors, posted, ListPage, Culture, access.CanEditProposals);
    }

    /// Reads the posted form once, asynchronously; a body that is not a form, or exceeds the
    /// page's limits, is a bad request (never a server error).
    private async Task<IFormCollection?> ReadFormAsync(CancellationToken ct)
    {
        if (!Request.HasFormContentType)
            return null;
        try
        {
            return await Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// True when the browser says the post comes from one of this site's own pages: Fetch
    /// metadata where the browser sends it, else the Origin header.
    private bool FromThisSite()
    {
        if (Request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
            return site == "same-origin";
        return Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private int? PostedVersion() =>
        int.TryParse(Request.Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private string SavedAt(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.Utc).ToString("HH:mm", Culture) + " UTC";
}

/// <param name="Live">Every part of the page that depends on the answers, by its box's data-live key.</param>
/// <param name="Invalid">The ids of the controls marked aria-invalid.</param>
public sealed record AutosaveReply(string Status, int Version, string? Message,
    IReadOnlyDictionary<string, string>? Live = null, IReadOnlyList<string>? Invalid = null, string? Token = null);

/// What differs between the saved version and the user's answers on this page.
public sealed record StepConflict(int SavedVersion, string SavedAt, IReadOnlyList<(string Label, string Saved, string Mine)> Rows)
{
    public static IReadOnlyList<(string Label, string Saved, string Mine)> Differences(IReadOnlyList<Answer> saved, IReadOnlyList<Answer> mine)
    {
        // Headings with a text are list lengths ("3 items"): an item added or removed differs too.
        var theirs = saved.Where(a => !a.IsHeading || a.Text.Length > 0).ToDictionary(a => a.Path, a => a);
        var ours = mine.Where(a => !a.IsHeading || a.Text.Length > 0).ToDictionary(a => a.Path, a => a);
        return theirs.Keys.Union(ours.Keys)
            .Select(path => (theirs.GetValueOrDefault(path), ours.GetValueOrDefault(path)))
            .Where(pair => (pair.Item1?.Text ?? "") != (pair.Item2?.Text ?? ""))
            .Select(pair => ((pair.Item1 ?? pair.Item2)!.Label, pair.Item1?.Text ?? "", pair.Item2?.Text ?? ""))
            .ToList();
    }
}
