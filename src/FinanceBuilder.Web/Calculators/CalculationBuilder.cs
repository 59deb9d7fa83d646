using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// Collects what a calculation used and what it lacked while a method computes. Missing inputs
/// are recorded by JSON path and the method carries on with what it has, so a half-filled
/// proposal gets "not answered yet", not a crash.
public sealed class CalculationBuilder(CalculationContext context)
{
    private readonly List<UsedParameter> parameters = [];
    private readonly List<string> missing = [];
    private readonly List<string> notes = [];

    public CalculationContext Context { get; } = context;

    public bool HasMissing => missing.Count > 0;

    public string PathOf(string relative) => $"{Context.MeasurePath}.{relative}";

    public void Missing(string relative) => missing.Add(PathOf(relative));

    public void Note(string text) => notes.Add(text);

    /// A required number the user must give; records it as a parameter (source: the proposal).
    public decimal? Need(decimal? value, string relative, string name, string unit)
    {
        if (value is null)
        {
            Missing(relative);
            return null;
        }
        parameters.Add(new UsedParameter(name, value.Value, unit, "proposal", IsDefault: false));
        return value;
    }

    /// A factor: the user's (with source and, for an override, justification) or the default.
    public decimal? Factor(Factor? given, DefaultValue? fallback, string relative, string name)
    {
        if (given is not null)
        {
            parameters.Add(new UsedParameter(name, given.Value, given.Unit, given.Source ?? "proposal (no source given)", IsDefault: false, given.Justification));
            if (fallback is not null && given.Value != fallback.Value && string.IsNullOrWhiteSpace(given.Justification) && given.Tier == ParameterTier.Default)
                Note($"{name}: {given.Value.ToString(CultureInfo.InvariantCulture)} replaces the default {fallback.Value.ToString(CultureInfo.InvariantCulture)} without a justification.");
            return given.Value;
        }
        if (fallback is not null)
        {
            parameters.Add(new UsedParameter(name, fallback.Value, fallback.Unit, fallback.Source, IsDefault: true));
            return fallback.Value;
        }
        Missing(relative);
        return null;
    }

    /// A value the proposal gives with its own source (a reduction computed elsewhere).
    public void Given(string name, decimal value, string unit, string source) =>
        parameters.Add(new UsedParameter(name, value, unit, source, IsDefault: false));

    public decimal Default(DefaultValue value, string name)
    {
        parameters.Add(new UsedParameter(name, value.Value, value.Unit, value.Source, IsDefault: true));
        return value.Value;
    }

    /// Crediting period: the asset's technical life, capped by the project lifespan (§12.1).
    public int Years(MitigationMeasure measure)
    {
        var life = measure.TechnicalLifeYears ?? EmissionDefaults.TechnicalLife(measure);
        if (measure.TechnicalLifeYears is null)
            parameters.Add(new UsedParameter("technical life", life, "years", "gcf-reference §12.8 default [R]", IsDefault: true));
        return Context.LifespanYears is { } lifespan && lifespan > 0 ? Math.Min(life, lifespan) : life;
    }

    public EmissionResult Build(MitigationMeasure measure, IReadOnlyList<decimal> annual, int years) =>
        new(measure.Id, measure.Method, HasMissing ? [] : annual, HasMissing ? 0 : years, parameters, missing, notes);
}
