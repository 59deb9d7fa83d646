namespace FinanceBuilder.Web.Features.Review;

/// What the score fields partial draws: the form's values, the rubric read beside each score and,
/// on the organisation's decision, the reviewers' consensus beside each criterion.
public sealed record ScoreFields(ScoringForm Form, Rubric.Rubric Rubric, Workflow.Consensus? Consensus = null);
