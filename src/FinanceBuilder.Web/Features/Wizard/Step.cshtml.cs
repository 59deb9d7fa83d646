using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Panels;
using FinanceBuilder.Web.Features.Wizard.Steps;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
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
public sealed class StepPage(IMediator mediator, ProposalValidation validation, IAntiforgery antiforgery) : PageModel
{
    public Step Step { get; private set; } = null!;
    public ProposalSummary Summary { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public ValidationReport Report { get; private set; } = null!;
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public string FormHtml { get; private set; } = "";
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
        Show(found, opened.Summary, opened.Proposal, page, errors: null, posted: null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string step, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (await ReadFormAsync(ct) is not { } posted)
            return BadRequest();
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null || StepCatalogue.Find(step) is not { } found)
            return NotFound();
        if (!found.IsApplicable(opened.Proposal))
            return Redirect(WizardUrls.TaskList(id));
        var action = posted["action"].ToString();

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // A post from another site is refused outright (cross-site request forgery). From
            // this site, the session's token expired while the user typed: the answers come back
            // unsaved, with a fresh token, and one more click saves them — over the version they
            // were typed on, so a save made meanwhile is compared, never overwritten.
            if (!FromThisSite() || PostedVersion() is not { } typedOn)
                return BadRequest();
            var typed = Copy(opened.Proposal);
            var expiredErrors = FormBinder.Bind(found, typed, posted, Culture);
            Notice = WizardText.Get("Ui.SessionExpired", Culture);
            Show(found, opened.Summary, typed, page, expiredErrors, posted, formVersion: typedOn);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // "Save as a copy" never writes over the proposal: the conflict box that offers it posts
        // the newest version, so the version alone does not send it there.
        if (PostedVersion() != opened.Summary.Version || action == "copy")
        {
            // A stale post whose answers are already the saved ones is no conflict (typically this
            // browser's own autosave landed while the page reloaded); a copy goes its own way.
            var comparison = Compare(found, opened.Proposal);
            if (!comparison.Same || action == "copy")
                return await ConflictAsync(found, opened, comparison, page, action, ct);
        }

        var proposal = Copy(opened.Proposal);
        var errors = StepValidation.Check(found, proposal, FormBinder.Bind(found, proposal, posted, Culture), Culture);
        if (errors.Count > 0)
        {
            Show(found, opened.Summary, proposal, page, errors, posted);
            return Page();
        }

        var listChange = ListActions.Apply(found, proposal, action);
        if (listChange.Error is { } tooMany)
        {
            Show(found, opened.Summary, proposal, page, new Dictionary<string, string> { ["action"] = tooMany }, posted);
            return Page();
        }
        var saved = await mediator.Send(new SaveAnswers.Command(id, opened.Summary.Version, proposal), ct);
        if (saved.Outcome == SaveAnswers.Outcome.NotFound)
            return NotFound();
        if (saved.Outcome == SaveAnswers.Outcome.Conflict)
        {
            // Lost a race inside the database: compare with what won (unless it was a delete).
            var winner = await mediator.Send(new OpenProposal.Query(id), ct);
            return winner is null ? NotFound() : await ConflictAsync(found, winner, Compare(found, winner.Proposal), page, action, ct);
        }

        var next = StepCatalogue.Next(found, proposal);
        return action switch
        {
            "continue" => Redirect(next is null ? WizardUrls.CheckAnswers(id) : WizardUrls.Step(id, next.Id)),
            "later" => Redirect(WizardUrls.TaskList(id) + "?saved=" + found.Id),
            _ when listChange.Changed => Redirect(WizardUrls.Step(id, found.Id, listChange.Page) + "#" + listChange.Anchor),
            _ => Redirect(WizardUrls.Step(id, found.Id, page) + "#saved"),
        };
    }

    /// Autosave (JavaScript): the same checks and the same version rule as a form post, answered
    /// as JSON so the page can say "saved at 14:32" and refresh its computed panels.
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, string step, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (await ReadFormAsync(ct) is null)
            return BadRequest();
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        // A page that no longer applies (the focus changed in another tab) saves nothing.
        if (opened is null || StepCatalogue.Find(step) is not { } found || !found.IsApplicable(opened.Proposal))
            return NotFound();
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            // Only this site's own page gets a fresh token (another site could not read it anyway).
            if (!FromThisSite())
                return BadRequest();
            return new JsonResult(new AutosaveReply("expired", PostedVersion() ?? 0, null, Token: antiforgery.GetAndStoreTokens(HttpContext).RequestToken))
            { StatusCode = StatusCodes.Status400BadRequest };
        }
        if (PostedVersion() != opened.Summary.Version && !Compare(found, opened.Proposal).Same)
            return new JsonResult(new AutosaveReply("conflict", opened.Summary.Version, WizardText.Get("Ui.ConflictShort", Culture)));

        var proposal = Copy(opened.Proposal);
        var errors = StepValidation.Check(found, proposal, FormBinder.Bind(found, proposal, Request.Form, Culture), Culture);
        if (errors.Count > 0)
            return new JsonResult(new AutosaveReply("invalid", opened.Summary.Version, WizardText.Format(Culture, Plural.Key("Ui.AutosaveInvalid", errors.Count, Culture), errors.Count),
                Errors: errors.Select(e => new AutosaveError(ModelPath.HtmlId(e.Key), e.Value)).ToList()));
        var saved = await mediator.Send(new SaveAnswers.Command(id, opened.Summary.Version, proposal), ct);
        if (saved.Outcome != SaveAnswers.Outcome.Saved)
            return saved.Outcome == SaveAnswers.Outcome.NotFound ? NotFound() : new JsonResult(new AutosaveReply("conflict", opened.Summary.Version, WizardText.Get("Ui.ConflictShort", Culture)));

        var report = validation.Validate(proposal);
        var context = Context(found, proposal, report, page, null, null);
        var panels = new Dictionary<string, string>();
        PanelRenderer.Collect(found.Blocks, proposal, "", context, panels);
        return new JsonResult(new AutosaveReply("saved", saved.Saved!.Version, SavedAt(saved.Saved.UpdatedAt), Panels: panels,
            Findings: FindingList.Render(found, report, Culture)));
    }

    private async Task<IActionResult> ConflictAsync(Step step, OpenProposal.Result latest, Comparison comparison, int page, string action, CancellationToken ct)
    {
        // Someone saved since this page was opened. The user's answers, put over the newest
        // version, are shown beside the saved ones; nothing is written until they choose.
        var (mine, errors, differences) = comparison;
        if (action == "copy")
        {
            // The copy is checked like any save: it must be a proposal the wizard can open again.
            mine.Basics.Title = ProposalText.CopyTitle(mine.Basics.Title, Culture);
            errors = StepValidation.Check(step, mine, errors, Culture);
            if (errors.Count == 0)
            {
                var copy = await mediator.Send(new CreateProposal.Command(mine, latest.OwnerOrganisationId), ct);
                return Redirect(WizardUrls.TaskList(copy.Id) + "?copied=1");
            }
        }
        Conflict = new StepConflict(latest.Summary.Version, SavedAt(latest.Summary.UpdatedAt), differences);
        Show(step, latest.Summary, mine, page, errors, Request.Form);
        return Page();
    }

    /// The posted answers put over a saved version, and what then differs on this page.
    private sealed record Comparison(Proposal Mine, Dictionary<string, string> Errors, IReadOnlyList<(string Label, string Saved, string Mine)> Differences)
    {
        public bool Same => Errors.Count == 0 && Differences.Count == 0;
    }

    private Comparison Compare(Step step, Proposal latest)
    {
        var mine = Copy(latest);
        var errors = FormBinder.Bind(step, mine, Request.Form, Culture);
        return new Comparison(mine, errors,
            StepConflict.Differences(Answers.Of(step, latest, Culture, full: true), Answers.Of(step, mine, Culture, full: true)));
    }

    private void Show(Step step, ProposalSummary summary, Proposal proposal, int page, IReadOnlyDictionary<string, string>? errors, IFormCollection? posted, int? formVersion = null)
    {
        Step = step;
        Summary = summary;
        Proposal = proposal;
        ListPage = Math.Max(1, page);
        FormVersion = formVersion ?? summary.Version;
        Errors = errors ?? new Dictionary<string, string>();
        Report = validation.Validate(proposal);
        Findings = Report.Findings.Where(f => f.Paths.Any(step.Owns)).ToList();
        Previous = StepCatalogue.Previous(step, proposal);
        Next = StepCatalogue.Next(step, proposal);
        FormHtml = FormRenderer.Render(step, Context(step, proposal, Report, ListPage, Errors, posted));
    }

    private FormContext Context(Step step, Proposal proposal, ValidationReport report, int page, IReadOnlyDictionary<string, string>? errors, IFormCollection? posted) => new()
    {
        Proposal = proposal,
        Culture = Culture,
        Errors = errors ?? new Dictionary<string, string>(),
        Posted = posted,
        Findings = report.Findings.Where(f => f.Paths.Any(step.Owns)).ToList(),
        Panel = (panel, scope, prefix) => PanelRenderer.Render(panel, scope, prefix, proposal, report, Culture),
        ListPage = page,
        PageUrl = WizardUrls.Step(Summary?.Id ?? Guid.Empty, step.Id),
    };

    /// The question an error is about, as the error summary names it: a part of a compound answer
    /// ("….amount", "….currency", "….female") by its question; an error with no question (a
    /// list that is full) by none — never a resource key.
    public static string? ErrorLabel(string errorKey)
    {
        if (WizardText.Find("Field." + ModelPath.Normalize(errorKey)) is { } label)
            return label;
        var dot = errorKey.LastIndexOf('.');
        return dot > 0 ? WizardText.Find("Field." + ModelPath.Normalize(errorKey[..dot])) : null;
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

    /// A working copy: a refused save must leave the stored answers untouched.
    private static Proposal Copy(Proposal proposal) =>
        JsonSerializer.Deserialize<Proposal>(JsonSerializer.SerializeToUtf8Bytes(proposal, ProposalJson.Options), ProposalJson.Options)!;

}

public sealed record AutosaveError(string Field, string Message);

public sealed record AutosaveReply(string Status, int Version, string? Message,
    IReadOnlyList<AutosaveError>? Errors = null, IReadOnlyDictionary<string, string>? Panels = null, string? Findings = null, string? Token = null);

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
