using System.Globalization;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Panels;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard;

/// Everything a wizard page shows that depends on the answers, drawn once from one checked
/// proposal: the questions, the error summary, the checks beside each question and in the side
/// panel, the computed panels and the page's status. The page writes it; autosave sends the
/// same parts (<see cref="Live"/>), so after an autosave the page reads as a reload would.
public sealed class StepScreen
{
    private StepScreen(RenderedForm form, IReadOnlyDictionary<string, string> live, string summary, string side, string status)
    {
        Form = form;
        Live = live;
        Summary = summary;
        Side = side;
        Status = status;
    }

    public RenderedForm Form { get; }

    /// Every live part, by the key of its box in the page (data-live).
    public IReadOnlyDictionary<string, string> Live { get; }

    /// The error summary of the last save (empty when it had none).
    public string Summary { get; }

    /// The checks of the page, or why they are not shown yet.
    public string Side { get; }

    /// The page's status as the task list shows it.
    public string Status { get; }

    /// <param name="errors">The errors of the save just refused (none after a reload).</param>
    /// <param name="posted">What was typed, shown again exactly after a refused save.</param>
    /// <param name="canEdit">The reader may change the proposal: warnings then offer "Accept with a reason".</param>
    /// <param name="liveOnly">Only the live parts (an autosave reply): the form's HTML is not written.</param>
    public static StepScreen Of(Step step, CheckedProposal page, IReadOnlyDictionary<string, string> errors, IFormCollection? posted, int listPage, CultureInfo culture, bool canEdit, bool liveOnly = false)
    {
        var proposal = page.Proposal;
        var report = page.Report;
        var showChecks = page.ShowsChecksOf(step);
        Func<Finding, string>? acceptUrl = canEdit ? f => WizardUrls.AcceptWarning(page.Summary.Id, f.RuleId, f.Paths.Count > 0 ? f.Paths[0] : null, step.Id) : null;
        var form = FormRenderer.Render(step, new FormContext
        {
            Proposal = proposal,
            Culture = culture,
            Errors = errors,
            Posted = posted,
            Findings = showChecks ? report.Findings.Where(f => f.Paths.Any(step.Owns)).ToList() : [],
            Panel = (panel, scope, prefix) => PanelRenderer.Render(panel, scope, prefix, proposal, report, culture, acceptUrl, fingerprint => WizardUrls.LocationMap(page.Summary.Id, fingerprint), WizardUrls.Baselines(page.Summary.Id)),
            ListPage = listPage,
            PageUrl = WizardUrls.Step(page.Summary.Id, step.Id),
            LiveOnly = liveOnly,
        });
        var summary = ErrorSummary(errors, culture);
        var side = showChecks ? FindingList.Render(step, proposal, report, culture, acceptUrl) : ChecksAfterSave(culture);
        var status = StatusTag(page.StatusOf(step), culture);
        var live = new Dictionary<string, string>(form.Live, StringComparer.Ordinal)
        {
            ["summary"] = summary,
            ["side"] = side,
            ["status"] = status,
        };
        return new StepScreen(form, live, summary, side, status);
    }

    /// GOV.UK's error summary: each error a link to its question, named as the page names it.
    private static string ErrorSummary(IReadOnlyDictionary<string, string> errors, CultureInfo culture)
    {
        if (errors.Count == 0)
            return "";
        var html = new Html();
        html.Raw("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\" data-focus><h2 id=\"error-summary-title\">")
            .Text(ProposalText.Get("Ui.ErrorSummary", culture)).Raw("</h2><ul>");
        foreach (var (key, message) in errors)
        {
            html.Raw("<li><a").Attr("href", "#" + ModelPath.HtmlId(key)).Raw(">");
            if (ErrorLabel(key) is { } label)
                html.Text(label + ProposalText.Get("Ui.LabelSeparator", culture));
            html.Text(message).Raw("</a></li>");
        }
        html.Raw("</ul></div>");
        return html.ToString();
    }

    /// The question an error is about, as the error summary names it: a part of a compound answer
    /// ("….amount", "….currency", "….female") by its question; an error with no question (a
    /// list that is full) by none — never a resource key.
    public static string? ErrorLabel(string errorKey)
    {
        if (ProposalText.Find("Field." + ModelPath.Normalize(errorKey)) is { } label)
            return label;
        var dot = errorKey.LastIndexOf('.');
        return dot > 0 ? ProposalText.Find("Field." + ModelPath.Normalize(errorKey[..dot])) : null;
    }

    private static string ChecksAfterSave(CultureInfo culture) =>
        new Html().Raw("<section class=\"findings\" id=\"findings\" aria-labelledby=\"findings-title\"><h2 id=\"findings-title\">")
            .Text(ProposalText.Get("Ui.FindingsTitle", culture)).Raw("</h2><p class=\"findings-none\">")
            .Text(ProposalText.Get("Ui.ChecksAfterSave", culture)).Raw("</p></section>").ToString();

    private static string StatusTag(StepStatus status, CultureInfo culture) =>
        new Html().Raw("<strong").Attr("class", "tag tag--" + status.ToString().ToLowerInvariant()).Raw(">")
            .Text(ProposalText.Get("Enum.StepStatus." + status, culture)).Raw("</strong>").ToString();
}
