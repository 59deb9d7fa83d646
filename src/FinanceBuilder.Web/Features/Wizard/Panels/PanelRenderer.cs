using System.Collections;
using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Steps;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// Figures computed from the answers and shown beside the questions: never typed, always
/// derived by the same services the rules and documents use (R-080, ADR 0004). Each panel is a
/// live region that autosave replaces, so totals follow the user's typing.
public static class PanelRenderer
{
    public static string Render(PanelBlock panel, object scope, string prefix, Proposal proposal, ValidationReport report, CultureInfo culture)
    {
        var html = new Html();
        html.Raw("<div class=\"panel\" aria-live=\"polite\"").Attr("data-panel", Key(panel, prefix)).Raw(">");
        var name = panel.Name;
        var argument = "";
        if (name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
            (name, argument) = (name[..dot], name[(dot + 1)..]);
        var figures = new FigureWriter(html, culture, report.Figures);
        switch (name)
        {
            case "size": figures.Size(proposal); break;
            case "resultAreaShares": figures.ResultAreaShares(proposal); break;
            case "emissions": figures.Emissions((MitigationMeasure)scope); break;
            case "beneficiaries": figures.Beneficiaries(); break;
            case "budgetTotals": BudgetTotals.Write(html, proposal, report, culture); break;
            case "keyFigures": figures.KeyFigures(); break;
            case "sapLimits": figures.SapLimits(proposal); break;
            case "criterionFigures": figures.Criterion(argument); break;
            case "noObjection": figures.NoObjection(proposal); break;
            case "openWarnings": figures.OpenWarnings(report); break;
        }
        html.Raw("</div>");
        return html.ToString();
    }

    public static string Key(PanelBlock panel, string prefix) => prefix.Length == 0 ? panel.Name : panel.Name + "@" + prefix;

    /// Every panel of a step, drawn for autosave's reply.
    public static void Collect(IReadOnlyList<Block> blocks, object scope, string prefix, FormContext context, Dictionary<string, string> panels)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PanelBlock panel:
                    panels[Key(panel, prefix)] = context.Panel(panel, scope, prefix);
                    break;
                case GroupBlock group:
                    Collect(group.Blocks, scope, prefix, context, panels);
                    break;
                case WhenBlock conditional when conditional.Applies(scope):
                    Collect(conditional.Blocks, scope, prefix, context, panels);
                    break;
                case ListBlock { Editor: { } editor } list:
                    editor.Panels(list, scope, ModelPath.Combine(prefix, list.Path), context, panels);
                    break;
                case ListBlock list when ModelPath.Get(scope, list.Path) is IList items:
                    var path = ModelPath.Combine(prefix, list.Path);
                    for (var i = 0; i < items.Count; i++)
                        Collect(list.Item, items[i]!, ModelPath.Item(path, i), context, panels);
                    break;
            }
        }
    }
}
