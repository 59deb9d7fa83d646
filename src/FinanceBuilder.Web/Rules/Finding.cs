using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// Error blocks "ready to submit"; a warning must be acknowledged with a reason; advice informs (D8).
public enum Severity { Error, Warning, Advice }

/// The six GCF investment criteria (gcf-reference §5).
public enum InvestmentCriterion { ImpactPotential, ParadigmShift, SustainableDevelopment, NeedsOfRecipient, CountryOwnership, EfficiencyEffectiveness }

/// Top-level sections of the funding proposal template (gcf-reference §3.1).
public enum TemplateSection { Summary, ProjectInformation, Financing, InvestmentCriteria, LogicalFramework, Risks, PoliciesAndStandards, Annexes }

/// One problem found by a rule: which rule, how serious, where (JSON paths), and the message
/// arguments; the text is written in the reader's language only when shown (FindingText).
public sealed record Finding(
    string RuleId,
    Severity Severity,
    IReadOnlyList<string> Paths,
    string MessageKey,
    IReadOnlyList<object?> Arguments,
    string Source,
    TemplateSection Section,
    InvestmentCriterion? Criterion)
{
    /// Set when the proposal holds an acknowledgement of this warning (R-… with a reason).
    public Acknowledgement? Acknowledged { get; init; }
}

/// Message arguments that are formatted for the reader: money with its currency, percentages.
public sealed record MoneyArg(decimal Amount, string Currency);

public sealed record PercentArg(decimal Value);

/// A co-financing ratio, written "1 : 13" as the key figures write it.
public sealed record RatioArg(decimal Value);

/// A country, written with its name: "Ghana (GH)".
public sealed record CountryArg(string Code);

/// Questions of the proposal by their JSON paths, written with their labels in the reader's
/// language ("Baseline value, Means of verification"), never as JSON names.
public sealed record FieldsArg(IReadOnlyList<string> Paths);
