using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// One parameter as the calculation used it: a value the user gave (with its source) or a
/// default (with the reference's source). Shown in the method statement and the annex.
public sealed record UsedParameter(string Name, decimal Value, string Unit, string Source, bool IsDefault, string? Justification = null);

/// The outcome of one mitigation measure's calculation (gcf-reference §12.1): the annual series
/// over the crediting period, the lifetime total, every parameter with its provenance, and —
/// for a half-filled measure — the inputs still missing, by JSON path. Never an exception.
public sealed record EmissionResult(
    string MeasureId,
    CalculationMethod Method,
    IReadOnlyList<decimal> AnnualTco2e,
    int CreditingYears,
    IReadOnlyList<UsedParameter> Parameters,
    IReadOnlyList<string> MissingInputs,
    IReadOnlyList<string> Notes)
{
    public const string MethodVersion = "FB-2026.1";

    public bool IsComplete => MissingInputs.Count == 0;

    public decimal FirstYearTco2e => AnnualTco2e.Count > 0 ? AnnualTco2e[0] : 0m;

    /// A lifetime total the user typed for a figure computed elsewhere: shown as typed, never
    /// replaced by the series' sum (R-041 says when the two disagree).
    public decimal? GivenLifetimeTco2e { get; init; }

    /// An annual figure the user typed for a figure computed elsewhere, shown as typed.
    public decimal? GivenAnnualTco2e { get; init; }

    public decimal LifetimeTco2e => GivenLifetimeTco2e ?? AnnualTco2e.Sum();

    /// Average over the crediting period, as A.5 asks for an annual figure.
    public decimal AverageAnnualTco2e => GivenAnnualTco2e ?? (AnnualTco2e.Count > 0 ? LifetimeTco2e / AnnualTco2e.Count : 0m);
}

/// Project-level settings a calculation needs.
public sealed record CalculationContext(int? LifespanYears, string MeasurePath);
