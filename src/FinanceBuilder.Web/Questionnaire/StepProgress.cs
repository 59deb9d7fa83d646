using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Questionnaire;

/// The task-list status of each page: not started (nothing differs from a blank proposal),
/// has problems (an error-level finding on its answers), completed (every answer the route
/// requires there is given), in progress otherwise. Computed from one rule run for all pages.
public static class StepProgress
{
    private static readonly Proposal Blank = new();

    public static StepStatus Of(Step step, Proposal proposal, ValidationReport report)
    {
        if (step.Status is { } status)
            return status(proposal, report);
        if (!Answered(step.Blocks, proposal, Blank))
            return step.Optional ? StepStatus.Optional : StepStatus.NotStarted;
        if (report.Findings.Any(f => f.Severity == Severity.Error && f.Paths.Any(step.Owns)))
            return StepStatus.HasProblems;
        return Required.GetOrAdd((step.Id, report.Route), key => Checklist.For(key.Route).Where(i => step.Owns(i.Path)).ToArray())
            .All(i => i.IsAnswered(proposal)) ? StepStatus.Completed : StepStatus.InProgress;
    }

    /// The checklist items each page holds, by route: fixed by the catalogue, so found once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string StepId, Route Route), ChecklistItem[]> Required = new();

    /// True when any answer of the blocks differs from a blank proposal's (defaults such as the
    /// fund or the reporting currency are not answers); any item in a list is an answer.
    private static bool Answered(IReadOnlyList<Block> blocks, object scope, object? blank)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    var value = ModelPath.Get(scope, field.Path);
                    if (value is null or "" || (value is System.Collections.ICollection { Count: 0 }))
                        continue;
                    if (blank is null || !Equals(value, ModelPath.Get(blank, field.Path)))
                        return true;
                    break;
                case ListBlock list:
                    if (ModelPath.Get(scope, list.Path) is System.Collections.ICollection { Count: > 0 })
                        return true;
                    break;
                case GroupBlock group when Answered(group.Blocks, scope, blank):
                    return true;
                case WhenBlock conditional when conditional.Applies(scope) && Answered(conditional.Blocks, scope, blank):
                    return true;
            }
        }
        return false;
    }

    /// Every applicable page with its status, in the catalogue's order.
    public static IReadOnlyList<(Step Step, StepStatus Status)> All(Proposal proposal, ValidationReport report) =>
        StepCatalogue.For(proposal).Select(s => (s, Of(s, proposal, report))).ToList();

    /// The first page that is not completed: "the next thing to do".
    public static Step? NextToDo(IReadOnlyList<(Step Step, StepStatus Status)> steps) =>
        steps.FirstOrDefault(s => s.Status is not (StepStatus.Completed or StepStatus.Optional)).Step;
}
