using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents;

/// Section E (the IRMF logframe, M&amp;E arrangements) and the emission-reduction series of the charts.
public static partial class DocumentModel
{
    private static void AddResults(Dictionary<string, object?> model, Proposal proposal, KeyFigures figures, ValueFormat f)
    {
        var results = proposal.Results;
        var outcomes = results.Outcomes.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var outputs = proposal.Components.SelectMany(c => c.Outputs).GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        string Measures(string? id) => id is null ? ValueFormat.Missing
            : outcomes.TryGetValue(id, out var outcome) && !string.IsNullOrWhiteSpace(outcome.Statement) ? $"{id} {outcome.Statement}"
            : outputs.TryGetValue(id, out var output) && !string.IsNullOrWhiteSpace(output.Name) ? $"{id} {output.Name}"
            : id;
        Dictionary<string, object?> Row(Indicator i) => new()
        {
            ["code"] = i.Code,
            ["level"] = f.Label(i.Level),
            ["result_area"] = f.Label(i.ResultArea),
            ["measures"] = Measures(i.MeasuresId),
            ["name"] = ValueFormat.OrMissing(i.Name),
            ["unit"] = ValueFormat.OrMissing(i.Unit),
            ["baseline"] = f.Number(i.BaselineValue, 2),
            ["baseline_year"] = i.BaselineYear?.ToString(CultureInfo.InvariantCulture) ?? ValueFormat.Missing,
            ["mid_term"] = f.Number(i.MidTermTarget, 2),
            ["final"] = f.Number(i.FinalTarget, 2),
            ["target_year"] = i.TargetYear?.ToString(CultureInfo.InvariantCulture) ?? ValueFormat.Missing,
            ["female"] = f.Number(i.FinalTargetBySex?.Female),
            ["means_of_verification"] = ValueFormat.OrMissing(i.MeansOfVerification),
            ["frequency"] = f.Label(i.Frequency),
            ["responsible"] = ValueFormat.OrMissing(i.Responsible),
            ["assumptions"] = ValueFormat.OrMissing(i.Assumptions),
            ["irmf"] = f.Label(i.IrmfCore),
        };
        var levels = new[] { ResultLevel.Impact, ResultLevel.Outcome, ResultLevel.Output };
        var m = proposal.MonitoringEvaluation;

        model["results"] = new Dictionary<string, object?>
        {
            ["paradigm_shift_objective"] = ValueFormat.OrMissing(results.ParadigmShiftObjective),
            ["outcomes"] = results.Outcomes.Select(o => (object)new Dictionary<string, object?>
            {
                ["id"] = o.Id,
                ["statement"] = ValueFormat.OrMissing(o.Statement),
                ["result_areas"] = ValueFormat.OrMissing(string.Join(", ", o.ResultAreas.Select(a => f.Label(a)))),
            }).ToList(),
            ["indicators"] = levels.SelectMany(l => results.Indicators.Where(i => i.Level == l)).Select(i => (object)Row(i)).ToList(),
            ["levels"] = levels.Select(l => (object)new Dictionary<string, object?>
            {
                ["name"] = f.Label(l),
                ["indicators"] = results.Indicators.Where(i => i.Level == l).Select(i => (object)Row(i)).ToList(),
            }).ToList(),
            ["has_indicators"] = results.Indicators.Count > 0,
            // Where each baseline comes from, when the proposal says (typed, or taken from the
            // shared library of territorial indicators with its source and licence).
            ["baseline_sources"] = levels.SelectMany(l => results.Indicators.Where(i => i.Level == l && !string.IsNullOrWhiteSpace(i.BaselineSource)))
                .Select(i => (object)new Dictionary<string, object?> { ["code"] = i.Code, ["source"] = i.BaselineSource!.Trim().TrimEnd('.') }).ToList(),
        };
        model["monitoring"] = new Dictionary<string, object?>
        {
            ["arrangements"] = ValueFormat.OrMissing(m.Arrangements),
            ["frequency"] = f.Label(m.ReportingFrequency),
            ["budget"] = f.Money(m.Budget is { } budget ? new CurrencyConverter(proposal.Financing.ExchangeRates).Convert(budget, f.Currency) : null),
            ["interim_evaluation"] = f.Date(m.InterimEvaluation),
            ["final_evaluation"] = f.Date(m.FinalEvaluation),
        };
        AddEmissions(model, proposal, figures, f);
    }

    /// <summary>
    /// Emission reductions per year of the lifespan, for the chart: each measure's annual series
    /// (its ramp-up included) placed from its first year of operation; the window starts at the
    /// earliest first year (or the implementation start) and lasts the lifespan.
    /// </summary>
    private static void AddEmissions(Dictionary<string, object?> model, Proposal proposal, KeyFigures figures, ValueFormat f)
    {
        var measures = proposal.MitigationMeasures.ToDictionary(x => x.Id, StringComparer.Ordinal);
        var complete = figures.Emissions.Where(e => e.IsComplete && e.AnnualTco2e.Count > 0).ToList();
        var rows = new List<object>();
        if (complete.Count > 0)
        {
            int? First(EmissionResult e) => measures.TryGetValue(e.MeasureId, out var measure) ? measure.FirstYearOfOperation : null;
            var start = complete.Select(First).Where(y => y is not null).Min() ?? proposal.Basics.ImplementationStart?.Year;
            var length = proposal.Basics.LifespanYears is { } lifespan and > 0 ? lifespan : complete.Max(e => e.AnnualTco2e.Count);
            var values = new decimal[length];
            foreach (var e in complete)
            {
                var offset = start is { } s && First(e) is { } first ? Math.Max(0, first - s) : 0;
                for (var i = 0; i < e.AnnualTco2e.Count && offset + i < length; i++)
                    values[offset + i] += e.AnnualTco2e[i];
            }
            for (var i = 0; i < length; i++)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["year"] = start is { } s ? (s + i).ToString(CultureInfo.InvariantCulture) : (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["value"] = f.Number(values[i]),
                    ["value_raw"] = ValueFormat.Raw(values[i]),
                });
            }
        }
        model["has_emissions"] = rows.Count > 0 && figures.LifetimeTco2e is > 0;
        model["emissions"] = new Dictionary<string, object?>
        {
            ["years"] = rows,
            ["measures"] = complete.Select(e => (object)new Dictionary<string, object?>
            {
                ["id"] = e.MeasureId,
                ["name"] = measures.TryGetValue(e.MeasureId, out var measure) ? ValueFormat.OrMissing(measure.Name) : ValueFormat.Missing,
                ["method"] = f.Label(e.Method),
                ["effect"] = measures.TryGetValue(e.MeasureId, out var mm) ? f.Label(mm.Effect) : ValueFormat.Missing,
                ["annual"] = f.Number(e.AverageAnnualTco2e),
                ["years"] = f.Number(e.CreditingYears),
                ["lifetime"] = f.Number(e.LifetimeTco2e),
            }).ToList(),
        };
    }
}
