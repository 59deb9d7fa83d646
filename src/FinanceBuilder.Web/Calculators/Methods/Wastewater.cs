using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M5 (gcf-reference §12.6): CH4 = TOW × B0 × MCF − R (kg/yr), baseline treatment against
/// project treatment; ER = (CH4_baseline − CH4_project) × GWP_CH4 / 1000.
public static class Wastewater
{
    public static EmissionResult Calculate(MitigationMeasure measure, WastewaterInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null)
        {
            b.Missing("wastewater");
            return b.Build(measure, [], years);
        }
        var load = b.Need(inputs.OrganicLoadKg, "wastewater.organicLoadKg", "organic load", $"kg {inputs.LoadBasis}/yr");
        if (inputs.BaselineTreatment is null)
            b.Missing("wastewater.baselineTreatment");
        if (inputs.ProjectTreatment is null)
            b.Missing("wastewater.projectTreatment");
        if (b.HasMissing)
            return b.Build(measure, [], years);

        var b0 = b.Default(EmissionDefaults.MaxMethaneCapacity(inputs.LoadBasis), "B0");
        var mcfBase = b.Default(EmissionDefaults.WastewaterMcf(inputs.BaselineTreatment!.Value), "MCF baseline");
        var mcfProject = b.Default(EmissionDefaults.WastewaterMcf(inputs.ProjectTreatment!.Value), "MCF project");
        var (gwpCh4, _) = EmissionDefaults.Gwp(measure.GwpSet);
        var recovered = inputs.MethaneRecoveredKg ?? 0m;
        var baselineKg = load!.Value * b0 * mcfBase;
        var projectKg = Math.Max(0m, load.Value * b0 * mcfProject - recovered);
        var annual = Enumerable.Repeat((baselineKg - projectKg) * gwpCh4 / 1000m, years).ToArray();
        return b.Build(measure, annual, years);
    }
}
