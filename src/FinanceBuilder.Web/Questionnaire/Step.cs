using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FluentValidation;

namespace FinanceBuilder.Web.Questionnaire;

/// The task-list groups: "before you start", then the funder's own sections A–H.
public enum StepGroup { SetUp, Summary, ProjectInformation, Financing, InvestmentCriteria, LogicalFramework, Risks, PoliciesAndStandards, Annexes, Submission }

/// One wizard page: its questions, when it applies, the field checks made when it is saved,
/// and which parts of the proposal it answers for (so the rule findings on them show here).
public sealed record Step(string Id, StepGroup Group, IReadOnlyList<Block> Blocks)
{
    public Func<Proposal, bool> IsApplicable { get; init; } = _ => true;

    /// A page the funder does not require of every project (protection of natural resources):
    /// unanswered, it reads "optional" and is never the next thing to do.
    public bool Optional { get; init; }

    /// A page whose status is not "what is answered" (accepting warnings: done when none is open).
    public Func<Proposal, ValidationReport, StepStatus>? Status { get; init; }

    /// Answers that follow from others, set once the page's answers are read and before they
    /// are checked (the access modality from the AE's kind; an AE's scope from the directory).
    public Action<Proposal>? Settle { get; init; }

    /// Field checks run when the page is saved (FluentValidation; design D8, style §6).
    public IValidator<Proposal>? Validator { get; init; }

    /// The model paths this page edits (from its blocks): findings on them belong here.
    public IReadOnlyList<string> Paths { get; } = TopPaths(Blocks).Distinct().ToList();

    /// The top-level parts of the proposal the page's answers live in ("narratives").
    public IReadOnlySet<string> Parts { get; } = TopPaths(Blocks).Select(p => p.Split('.', '[')[0]).ToHashSet(StringComparer.Ordinal);

    /// True when a finding at this JSON path ("$.budget.lines[3].amount") concerns this page.
    public bool Owns(string findingPath)
    {
        // Called for every finding and checklist item on every page's status: no allocation.
        var path = findingPath.AsSpan();
        if (path.StartsWith("$.", StringComparison.Ordinal))
            path = path[2..];
        foreach (var prefix in Paths)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '['))
                return true;
        }
        return false;
    }

    private static IEnumerable<string> TopPaths(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock f:
                    yield return f.Path;
                    break;
                case ListBlock l:
                    yield return l.Path;
                    break;
                case GroupBlock g:
                    foreach (var p in TopPaths(g.Blocks))
                        yield return p;
                    break;
                case WhenBlock w:
                    foreach (var p in TopPaths(w.Blocks))
                        yield return p;
                    break;
            }
        }
    }
}

/// Task-list status of a page (the government design-system pattern; design D9).
public enum StepStatus { NotStarted, InProgress, Completed, HasProblems, Optional }
