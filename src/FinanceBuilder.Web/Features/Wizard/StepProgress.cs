using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Steps;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard;

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
        var culture = CultureInfo.InvariantCulture;
        var blank = Answers.Of(step, Blank, culture).ToDictionary(a => a.Path, a => a.Text);
        var answered = Answers.Of(step, proposal, culture).Any(a => !blank.TryGetValue(a.Path, out var empty) || empty != a.Text);
        if (!answered)
            return StepStatus.NotStarted;
        if (report.Findings.Any(f => f.Severity == Severity.Error && f.Paths.Any(step.Owns)))
            return StepStatus.HasProblems;
        var required = Checklist.For(report.Route).Where(i => step.Owns(i.Path));
        return required.All(i => i.IsAnswered(proposal)) ? StepStatus.Completed : StepStatus.InProgress;
    }

    /// Every applicable page with its status, in the catalogue's order.
    public static IReadOnlyList<(Step Step, StepStatus Status)> All(Proposal proposal, ValidationReport report) =>
        StepCatalogue.For(proposal).Select(s => (s, Of(s, proposal, report))).ToList();

    /// The first page that is not completed: "the next thing to do".
    public static Step? NextToDo(IReadOnlyList<(Step Step, StepStatus Status)> steps) =>
        steps.FirstOrDefault(s => s.Status != StepStatus.Completed).Step;
}
