using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Monitoring;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The progress a published action shows: with the organisation's consent (ShowProgress), each
/// result linked to an indicator of the approved project gets the values of the years whose
/// annual report was sent to the funder — never a value still being entered or corrected before
/// sending — and the approved mid-term target. Filled when the action is previewed and published,
/// and again when a report is marked sent or reopened (ProgressFollowsReports), so the public
/// page, the API and the exports carry it; the organisation's own record never holds them.
public static class ActionProgress
{
    public static async Task FillAsync(FinanceBuilderDbContext db, Guid? proposalId, CatalogueAction action, CancellationToken ct)
    {
        foreach (var result in action.Results)
        {
            result.Actuals = [];
            result.MidTermTarget = null;
            result.MidTermYear = null;
        }
        if (!action.ShowProgress || proposalId is null)
            return;
        var project = await MonitoredProject.LoadAsync(db, proposalId.Value, ct);
        if (project is null)
            return;
        var sent = project.Rounds.Where(r => r.SentAt is not null).Select(r => r.Year).ToHashSet();
        foreach (var result in action.Results)
        {
            // Linked by the framework's code; an action drafted before codes were kept, by name.
            var indicator = project.Indicators.FirstOrDefault(i => result.Code is not null && i.Code == result.Code)
                ?? project.Indicators.FirstOrDefault(i => result.Code is null && i.Name is not null && i.Name == result.Indicator);
            if (indicator is null)
                continue;
            result.Actuals = [.. project.Values.Series(indicator.Id)
                .Where(v => sent.Contains(v.Year) && v.Value is not null)
                .Take(ActionResult.MaxActuals)
                .Select(v => new ResultActual { Year = v.Year, Value = v.Value!.Value })];
            if (indicator.MidTermTarget is { } midTerm)
            {
                result.MidTermTarget = midTerm;
                result.MidTermYear = MonitoringPlan.MidTermYear(project.Approval);
            }
        }
    }
}
