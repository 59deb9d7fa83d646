using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M3 (gcf-reference §12.4): CH4_destroyed = V_LFG × w_CH4 × ρ_CH4 × η ;
/// ER = CH4_destroyed × GWP_CH4 + exported electricity × EF_grid − project emissions.
public static class LandfillGas
{
    public static EmissionResult Calculate(MitigationMeasure measure, LandfillGasInputs? inputs, CalculationBuilder b)
    {
        var years = b.Years(measure);
        if (inputs is null)
        {
            b.Missing("landfillGas");
            return b.Build(measure, [], years);
        }
        var volume = b.Need(inputs.GasCollectedNm3, "landfillGas.gasCollectedNm3", "landfill gas collected", "Nm3/yr");
        var share = b.Need(inputs.MethaneFractionPercent, "landfillGas.methaneFractionPercent", "methane fraction", "%");
        var density = b.Default(EmissionDefaults.MethaneDensity, "methane density");
        DefaultValue? defaultEfficiency = inputs.Device is { } device ? EmissionDefaults.DestructionEfficiency(device) : null;
        var efficiency = b.Factor(inputs.DestructionEfficiency, defaultEfficiency, "landfillGas.device", "destruction efficiency");
        var (gwpCh4, _) = EmissionDefaults.Gwp(measure.GwpSet);
        b.Default(new DefaultValue(gwpCh4, "tCO2e/t CH4", EmissionDefaults.GwpSource(measure.GwpSet)), "GWP CH4");

        var exported = 0m;
        if (inputs.ElectricityExportedMwh is { } mwh && mwh > 0)
        {
            b.Need(mwh, "", "electricity exported", "MWh/yr");
            exported = mwh * (b.Factor(inputs.GridEmissionFactor, null, "landfillGas.gridEmissionFactor", "grid emission factor") ?? 0m);
        }
        var projectEmissions = inputs.ProjectEmissionsTco2e ?? 0m;
        if (inputs.ProjectEmissionsTco2e is null)
            b.Note("Project emissions (pumps, flare fuel) not given: counted as zero; every project that uses energy must count them (§12.11).");

        if (volume is not { } v || share is not { } w || efficiency is not { } eta)
            return b.Build(measure, [], years);
        var destroyed = v * (w / 100m) * density * eta;
        var annual = Enumerable.Repeat(destroyed * gwpCh4 + exported - projectEmissions, years).ToArray();
        return b.Build(measure, annual, years);
    }
}
