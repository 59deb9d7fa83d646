using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// Live budget totals per component, source and year in the reporting currency, beside the
/// reconciliation state: do the GCF lines add up to the GCF request, and the co-financing
/// lines to the co-financiers' amounts?
internal static class BudgetTotals
{
    public static void Write(Html html, Proposal proposal, ValidationReport report, CultureInfo culture)
    {
        string T(string key) => ProposalText.Get(key, culture);
        var budget = BudgetBreakdown.Of(proposal);
        var lines = budget.Lines;
        string Money(decimal value) => NumberText.Money(value, budget.Currency, culture);

        html.Raw("<h2 class=\"panel-title\">").Text(T("Panel.BudgetTotals")).Raw("</h2>");
        html.Raw("<p class=\"panel-total\">").Text(ProposalText.Format(culture, Plural.Key("Panel.BudgetTotal", budget.Count, culture), budget.Count, Money(budget.Total))).Raw("</p>");
        if (budget.Unconverted > 0)
            html.Raw("<p class=\"panel-note\">").Text(ProposalText.Format(culture, Plural.Key("Panel.Unconverted", budget.Unconverted, culture), budget.Unconverted)).Raw("</p>");

        void Table(string captionKey, IEnumerable<(string Key, decimal Total)> rows)
        {
            var list = rows.ToList();
            if (list.Count == 0)
                return;
            html.Raw("<table class=\"totals\"><caption>").Text(T(captionKey)).Raw("</caption><tbody>");
            foreach (var (key, total) in list)
                html.Raw("<tr><th scope=\"row\">").Text(key).Raw("</th><td>").Text(Money(total)).Raw("</td></tr>");
            html.Raw("</tbody></table>");
        }

        html.Raw("<div class=\"totals-grid\">");
        Table("Panel.ByComponent", lines.GroupBy(l => l.Line.ComponentId ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (proposal.Components.FirstOrDefault(c => c.Id == g.Key) is { } c ? $"{c.Id} {c.Name}" : g.Key, g.Sum(l => l.Amount))));
        Table("Panel.BySource", lines.GroupBy(l => l.Line.Source).OrderBy(g => g.Key)
            .Select(g => (ProposalText.Enum(g.Key), g.Sum(l => l.Amount))));
        Table("Panel.ByYear", lines.GroupBy(l => l.Line.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key?.ToString(CultureInfo.InvariantCulture) ?? "—", g.Sum(l => l.Amount))));
        html.Raw("</div>");

        // Reconciliation with the financing page.
        var gcfLines = budget.TotalOf(FundingSourceKind.Gcf);
        var coLines = budget.TotalOf(FundingSourceKind.CoFinancing);
        var settings = RuleSettings.For(proposal);
        var gcf = report.Figures.GcfRequest;
        var co = report.Figures.CoFinancing;
        html.Raw("<h3 class=\"panel-subtitle\">").Text(T("Panel.Reconciliation")).Raw("</h3><ul class=\"reconciliation\">");
        void Check(string key, decimal lineTotal, decimal? financing)
        {
            // Two zeros agree only in arithmetic: with nothing on either side there is nothing to match.
            var state = financing is null ? "unknown"
                : lineTotal == 0 && financing.Value == 0 ? "empty"
                : settings.SameAmount(lineTotal, financing.Value) ? "ok" : "differs";
            html.Raw("<li").Attr("class", "reconcile reconcile--" + state).Raw(">").Text(ProposalText.Format(culture, key, Money(lineTotal), financing is { } f ? Money(f) : T("Ui.NotYet")))
                .Raw(" — <strong>").Text(T("Panel.Reconcile." + state)).Raw("</strong></li>");
        }
        Check("Panel.ReconcileGcf", gcfLines, gcf);
        Check("Panel.ReconcileCo", coLines, co);
        html.Raw("</ul>");
    }
}
