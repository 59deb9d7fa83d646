using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Wizard;

/// "Accept with a reason": one open warning, why it may stay, and who accepts it. The person
/// signed in and today's date are recorded with the reason (the accepted-warnings page lists
/// them, the validation report prints them). Saved by the wizard's one save; the post goes back
/// to the page the warning was shown on.
public sealed class AcceptWarningPage(IMediator mediator, ProposalValidation validation, AccessScope access, TimeProvider clock) : PageModel
{
    public ProposalSummary Summary { get; private set; } = null!;
    public Finding? Warning { get; private set; }
    public string? Question { get; private set; }
    public string From { get; private set; } = "";
    public string? Error { get; private set; }
    [BindProperty] public string? Reason { get; set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    /// Who is recorded as accepting, and on which day, as the page tells them before they do.
    public string Person => access.UserName;
    public string Today => Localization.DateText.Written(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Culture);

    public async Task<IActionResult> OnGetAsync(Guid id, string? rule, string? path, string? from, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null || string.IsNullOrEmpty(rule))
            return NotFound();
        Show(opened.Check(validation), rule, path, from);
        Reason = Warning?.Acknowledged?.Reason;
        return Page();
    }

    /// Read once, checked once, saved once, by the wizard's save: the reason is checked inside
    /// the edit, so a refused post shows the warning from the same checked proposal.
    public async Task<IActionResult> OnPostAsync(Guid id, string? rule, string? path, string? from, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(rule) || rule.Length > ShortTextAttribute.MaxLength || path?.Length > ShortTextAttribute.MaxLength)
            return NotFound();
        var reason = Reason?.Trim() ?? "";
        var by = access.UserName.Length > 0 ? TextLimit.Truncate(access.UserName, ShortTextAttribute.MaxLength) : null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var culture = Culture;
        var result = await mediator.Send(new SaveStep.Command(id, AnnexSteps.Acknowledgements.Id, FormCollection.Empty, null, "accept", culture, MarksChecked: false,
            Edit: proposal =>
            {
                // Only a warning can be accepted: an error must be fixed, advice needs nothing.
                if (!RuleCatalogue.All.Any(r => r.Id == rule && r.Severity == Severity.Warning))
                    return new() { ["reason"] = ProposalText.Get("Accept.NotAWarning", culture) };
                if (reason.Length == 0)
                    return new() { ["reason"] = ProposalText.Get("Accept.ReasonMissing", culture) };
                if (reason.Length > LongTextAttribute.MaxLength)
                    return new() { ["reason"] = ProposalText.Format(culture, "Accept.ReasonTooLong", LongTextAttribute.MaxLength, reason.Length) };
                // Accepting again replaces the reason and who gave it: one acceptance per warning.
                var existing = proposal.Acknowledgements.FirstOrDefault(a => a.RuleId == rule && a.Path == path);
                if (existing is null && proposal.Acknowledgements.Count >= MaxAcknowledgements)
                    return new() { ["reason"] = ProposalText.Get("Accept.TooMany", culture) };
                if (existing is null)
                    proposal.Acknowledgements.Add(existing = new Acknowledgement { RuleId = rule, Reason = reason });
                existing.Path = path;
                existing.Reason = reason;
                existing.By = by;
                existing.Date = today;
                return [];
            }), ct);
        switch (result)
        {
            case SaveStep.Saved:
                return Redirect(WizardUrls.Step(id, FromStep(from)) + "#findings");
            case SaveStep.Invalid invalid:
                Show(invalid.Page, rule, path, from);
                // A rule that is not a warning is refused by the accepted-warnings page's own check.
                Error = string.Join(" ", invalid.Errors.Values);
                return Page();
            default:
                return NotFound();
        }
    }

    private static readonly int MaxAcknowledgements = typeof(Proposal).GetProperty(nameof(Proposal.Acknowledgements))!
        .GetCustomAttributes(typeof(MaxItemsAttribute), false).OfType<MaxItemsAttribute>().Single().Max;

    private static string FromStep(string? from) =>
        from is not null && StepCatalogue.Find(from) is { } step ? step.Id : AnnexSteps.Acknowledgements.Id;

    /// The warning as the rules give it now (a link kept from yesterday may name a warning that
    /// has since been fixed: the page then says so).
    private void Show(CheckedProposal page, string rule, string? path, string? from)
    {
        Summary = page.Summary;
        From = FromStep(from);
        Warning = page.Report.Findings.FirstOrDefault(f => f.Severity == Severity.Warning && f.RuleId == rule
            && (path is null ? f.Paths.Count == 0 : f.Paths.Contains(path)));
        Question = path is null ? null : StepScreen.ErrorLabel(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path);
    }
}
