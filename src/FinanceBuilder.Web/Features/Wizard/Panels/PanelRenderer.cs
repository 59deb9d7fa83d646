using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Panels;

/// Figures computed from the answers and shown beside the questions: never typed, always
/// derived by the same services the rules and documents use (R-080, ADR 0004). Each panel is a
/// live region of the form that autosave replaces, so totals follow the user's typing.
public static class PanelRenderer
{
    public static string Render(PanelBlock panel, object scope, string prefix, Proposal proposal, ValidationReport report, CultureInfo culture, Func<Finding, string>? acceptUrl = null, Func<string, string>? mapUrl = null, string? baselinesUrl = null)
    {
        // The panel's box is written by the form (a live region that autosave replaces).
        var html = new Html();
        var name = panel.Name;
        var argument = "";
        if (name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0)
            (name, argument) = (name[..dot], name[(dot + 1)..]);
        var figures = new FigureWriter(html, culture, report);
        switch (name)
        {
            case "size": figures.Size(proposal); break;
            case "resultAreaShares": figures.ResultAreaShares(proposal); break;
            case "emissions": figures.Emissions((MitigationMeasure)scope); break;
            case "emissionTotals": figures.EmissionTotals(proposal); break;
            case "beneficiaries": figures.Beneficiaries(); break;
            case "budgetTotals": BudgetTotals.Write(html, proposal, report, culture); break;
            case "keyFigures": figures.KeyFigures(); break;
            case "sapLimits": figures.SapLimits(proposal, report.Sap); break;
            case "criterionFigures": figures.Criterion(argument); break;
            case "noObjection": figures.NoObjection(proposal); break;
            case "openWarnings": figures.OpenWarnings(report, acceptUrl); break;
            case "locationMap": LocationMapPanel.Write(html, proposal, culture, mapUrl); break;
            case "territorialBaselines": figures.TerritorialBaselines(baselinesUrl); break;
        }
        return html.ToString();
    }
}
