using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Steps;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// The rule findings that concern one page, most serious first, each linked to its question.
public static class FindingList
{
    public static string Render(Step step, ValidationReport report, CultureInfo culture)
    {
        var findings = report.Findings.Where(f => f.Paths.Any(step.Owns)).OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var html = new Html();
        html.Raw("<section class=\"findings\" id=\"findings\" aria-labelledby=\"findings-title\" aria-live=\"polite\"><h2 id=\"findings-title\">")
            .Text(WizardText.Get("Ui.FindingsTitle", culture)).Raw("</h2>");
        if (findings.Count == 0)
            html.Raw("<p class=\"findings-none\">").Text(WizardText.Get("Ui.FindingsNone", culture)).Raw("</p>");
        else
        {
            html.Raw("<ul class=\"finding-list\">");
            foreach (var finding in findings)
            {
                var path = finding.Paths.FirstOrDefault(step.Owns) ?? "";
                html.Raw("<li").Attr("class", "finding finding--" + finding.Severity.ToString().ToLowerInvariant()).Raw("><strong>")
                    .Text(WizardText.Enum(finding.Severity)).Raw("</strong> <a").Attr("href", "#" + ModelPath.HtmlId(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path)).Raw(">")
                    .Text(RuleMessages.Render(finding, culture)).Raw("</a> <span class=\"rule-id\">").Text(finding.RuleId).Raw("</span>");
                if (finding.Acknowledged is { } ack)
                    html.Raw(" <span class=\"acknowledged\">").Text(WizardText.Format(culture, "Ui.Acknowledged", ack.Reason)).Raw("</span>");
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("</section>");
        return html.ToString();
    }
}
