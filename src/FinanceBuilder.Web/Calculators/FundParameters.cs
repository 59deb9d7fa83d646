using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Thresholds of the funds' policies used by the calculators. Eligibility thresholds (the SAP
/// ceiling and categories) are the rules': a statement about them comes from the check.
/// Figures tagged [V] in gcf-reference are verified; every one is a parameter, not a constant
/// in code, so a template version can change it.
public sealed record FundParameters
{
    /// B.10/17 size categories by total project cost in USD, boundaries inclusive (§7.1) [V].
    public decimal MicroMaxUsd { get; init; } = 10_000_000m;
    public decimal SmallMaxUsd { get; init; } = 50_000_000m;
    public decimal MediumMaxUsd { get; init; } = 250_000_000m;

    public static FundParameters Default { get; } = new();

    public SizeCategory SizeOf(decimal totalUsd) =>
        totalUsd <= MicroMaxUsd ? SizeCategory.Micro
        : totalUsd <= SmallMaxUsd ? SizeCategory.Small
        : totalUsd <= MediumMaxUsd ? SizeCategory.Medium
        : SizeCategory.Large;
}
