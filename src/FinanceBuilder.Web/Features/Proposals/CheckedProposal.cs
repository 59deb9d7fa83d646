using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Proposals;

/// A proposal as one request sees it: read once, checked once (rules, key figures, readiness),
/// and every page status derived from that same report (design D14). The step page, the
/// autosave reply, the task list and check-answers all draw from one of these, so nothing on a
/// screen can disagree with another part of the same screen.
public sealed class CheckedProposal(ProposalSummary summary, Proposal proposal, ValidationReport report, Guid ownerOrganisationId, string checkedSteps)
{
    private IReadOnlyList<(Step Step, StepStatus Status)>? steps;

    public ProposalSummary Summary { get; } = summary;
    public Proposal Proposal { get; } = proposal;
    public ValidationReport Report { get; } = report;
    /// The organisation the proposal belongs to (for an agency, possibly one it supports).
    public Guid OwnerOrganisationId { get; } = ownerOrganisationId;
    public string CheckedSteps { get; } = checkedSteps;

    /// Every applicable page with its status, in the catalogue's order (computed once).
    public IReadOnlyList<(Step Step, StepStatus Status)> Steps => steps ??= StepProgress.All(Proposal, Report);

    public StepStatus StatusOf(Step step) =>
        steps?.FirstOrDefault(s => s.Step == step) is { Step: not null } found ? found.Status : StepProgress.Of(step, Proposal, Report);

    /// True once the page was saved: its checks are then shown beside its questions.
    public bool ShowsChecksOf(Step step) => Questionnaire.CheckedSteps.Has(CheckedSteps, step.Id);
}
