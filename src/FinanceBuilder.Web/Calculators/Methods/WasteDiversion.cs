using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators.Methods;

/// M4 (gcf-reference §12.5): methane the diverted waste would have emitted in the landfill,
/// by IPCC first-order decay, minus treatment emissions. Waste of year T starts decaying in T+1:
///   DDOCm_d = W × DOC × DOCf × MCF ; dec_T = acc_(T−1) × (1 − e^−k) ; acc_T = DDOCm_d + acc_(T−1) × e^−k
///   CH4_T = dec_T × F × 16/12 × (1 − OX) ; ER_T = CH4_T × GWP − treatment emissions
/// Only emissions inside the crediting period are counted (conservative).
public static class WasteDiversion
{
    public static EmissionResult Calculate(MitigationMeasure measure, WasteDiversionInputs? inputs, CalculationBuilder b)
    {
        var years = inputs?.CreditingYears is { } c and > 0 ? Math.Min(c, b.Years(measure)) : b.Years(measure);
        if (inputs is null || inputs.Streams.Count == 0)
        {
            b.Missing("wasteDiversion.streams");
            return b.Build(measure, [], years);
        }
        if (inputs.Landfill is not { } landfill)
            b.Missing("wasteDiversion.landfill");
        if (inputs.ClimateZone is not { } zone)
            b.Missing("wasteDiversion.climateZone");
        if (inputs.Treatment is null)
            b.Missing("wasteDiversion.treatment");
        var tonnes = inputs.Streams.Select((s, i) => b.Need(s.TonnesPerYear, $"wasteDiversion.streams[{i}].tonnesPerYear", $"{s.Kind} diverted", "t/yr")).ToList();
        if (b.HasMissing)
            return b.Build(measure, [], years);

        var (gwpCh4, gwpN2O) = EmissionDefaults.Gwp(measure.GwpSet);
        var docf = b.Default(EmissionDefaults.DecomposableFraction, "DOCf");
        var mcf = b.Default(EmissionDefaults.MethaneCorrection(inputs.Landfill!.Value), "MCF");
        var f = b.Default(EmissionDefaults.MethaneFractionInGas, "F");
        var ox = b.Default(EmissionDefaults.Oxidation(inputs.Landfill.Value), "OX");

        var annual = new decimal[years];
        for (var i = 0; i < inputs.Streams.Count; i++)
        {
            var stream = inputs.Streams[i];
            var doc = b.Default(EmissionDefaults.DegradableOrganicCarbon(stream.Kind), $"DOC {stream.Kind}");
            var k = b.Default(EmissionDefaults.DecayRate(stream.Kind, inputs.ClimateZone!.Value), $"k {stream.Kind}");
            var keep = (decimal)Math.Exp(-(double)k);
            var deposited = tonnes[i]!.Value * doc * docf * mcf;
            var accumulated = 0m;
            for (var t = 0; t < years; t++)
            {
                var decomposed = accumulated * (1m - keep);
                accumulated = deposited + accumulated * keep;
                annual[t] += decomposed * f * 16m / 12m * (1m - ox) * gwpCh4;
            }
        }

        var totalTonnes = tonnes.Sum(t => t!.Value);
        var treatment = inputs.Treatment!.Value;
        var processCh4 = b.Default(EmissionDefaults.TreatmentMethane(treatment), "treatment CH4");
        var processN2O = treatment == DiversionTreatment.Composting ? b.Default(EmissionDefaults.CompostingNitrousOxide, "composting N2O") : 0m;
        // t waste × g/kg = kg... : W t × 1000 kg/t × g/kg / 1e6 g/t = W × g/kg / 1000 t
        var treatmentTco2e = totalTonnes * (processCh4 * gwpCh4 + processN2O * gwpN2O) / 1000m + (inputs.ProjectEmissionsTco2e ?? 0m);
        for (var t = 0; t < years; t++)
            annual[t] -= treatmentTco2e;
        b.Note("First-order decay: the first year credits nothing, since waste diverted in a year would have started to decay the next.");
        return b.Build(measure, annual, years);
    }
}
