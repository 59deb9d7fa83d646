using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M8 (gcf-reference §12.9): removals = area × annual biomass increment × carbon fraction × 44/12.
/// Higher uncertainty: a permanence narrative is expected.
public static class TreePlanting
{
    public static EmissionResult Calculate(MitigationMeasure measure, TreePlantingInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null)
        {
            b.Missing("treePlanting");
            return b.Build(measure, [], years);
        }
        var area = b.Need(inputs.AreaHectares, "treePlanting.areaHectares", "area", "ha");
        var increment = b.Factor(inputs.BiomassIncrement, null, "treePlanting.biomassIncrement", "biomass increment");
        var carbon = b.Factor(inputs.CarbonFraction, EmissionDefaults.CarbonFraction, "treePlanting.carbonFraction", "carbon fraction");
        if (string.IsNullOrWhiteSpace(inputs.PermanenceNarrative))
            b.Note("Removals are uncertain and reversible: describe how permanence is ensured.");
        if (area is not { } a || increment is not { } i || carbon is not { } c)
            return b.Build(measure, [], years);
        return b.Build(measure, Enumerable.Repeat(a * i * c * 44m / 12m, years).ToArray(), years);
    }
}
