using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// The rule findings that concern one page, most serious first, each linked to its question.
public static class FindingList
{
    /// <param name="acceptUrl">Where "Accept with a reason" leads for a warning; null for a
    /// reader who may not change the proposal (no button then).</param>
    public static string Render(Step step, Proposal proposal, ValidationReport report, CultureInfo culture, Func<Finding, string>? acceptUrl = null)
    {
        var findings = report.Findings.Where(f => f.Paths.Any(step.Owns)).OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var html = new Html();
        html.Raw("<section class=\"findings\" id=\"findings\" aria-labelledby=\"findings-title\" aria-live=\"polite\"><h2 id=\"findings-title\">")
            .Text(ProposalText.Get("Ui.FindingsTitle", culture)).Raw("</h2>");
        if (findings.Count == 0)
            html.Raw("<p class=\"findings-none\">").Text(ProposalText.Get("Ui.FindingsNone", culture)).Raw("</p>");
        else
        {
            html.Raw("<ul class=\"finding-list\">");
            foreach (var finding in findings)
            {
                var path = finding.Paths.FirstOrDefault(step.Owns) ?? "";
                html.Raw("<li").Attr("class", "finding finding--" + finding.Severity.ToString().ToLowerInvariant()).Raw("><strong>")
                    .Text(ProposalText.Enum(finding.Severity)).Raw("</strong> <a").Attr("href", "#" + ListEditors.AnchorOf(step, proposal, path)).Raw(">")
                    .Text(RuleMessages.Render(finding, culture)).Raw("</a> <span class=\"rule-id\">").Text(finding.RuleId).Raw("</span>");
                if (finding.Acknowledged is { } ack)
                    html.Raw(" <span class=\"acknowledged\">").Text(ProposalText.Accepted(ack, culture)).Raw("</span>");
                if (finding.Severity == Severity.Warning && acceptUrl is not null)
                    html.Raw(" <a class=\"button button--small button--secondary accept-warning\"").Attr("href", acceptUrl(finding)).Raw(">")
                        .Text(ProposalText.Get(finding.Acknowledged is null ? "Ui.AcceptWarning" : "Ui.ChangeReason", culture)).Raw("</a>");
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("</section>");
        return html.ToString();
    }
}
