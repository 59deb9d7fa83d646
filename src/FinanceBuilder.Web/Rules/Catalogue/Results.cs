using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.3 — results, indicators, logframe.

internal static class Indicators
{
    public static IEnumerable<(Indicator Indicator, string Path)> WithPaths(Proposal p) =>
        p.Results.Indicators.Select((ind, i) => (ind, $"$.results.indicators[{i}]"));

    private static readonly string[] PeopleWords = ["people", "person", "beneficiar", "household", "resident", "inhabitant", "personne", "habitant", "bénéficiaire", "ménage", "persona"];

    public static bool IsAboutPeople(Indicator i) =>
        i.IrmfCore == IrmfCore.Core2 || (i.Unit is { } unit && PeopleWords.Any(w => unit.Contains(w, StringComparison.OrdinalIgnoreCase)));

    public static bool MitigationSelected(Proposal p) => p.Basics.Focus is Focus.Mitigation or Focus.CrossCutting;

    public static bool AdaptationSelected(Proposal p) => p.Basics.Focus is Focus.Adaptation or Focus.CrossCutting;
}

public sealed class R040CoreOne : Rule
{
    public override string Id => "R-040";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF IRMF (B.29/01) core indicator 1";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        if (!Indicators.MitigationSelected(p))
            yield break;
        if (!p.Results.Indicators.Any(i => i.IrmfCore == IrmfCore.Core1))
            yield return Found(context, "Indicator", "$.results.indicators");
        if (p.MitigationMeasures.Count == 0)
            yield return Found(context, "Measures", "$.mitigationMeasures");
        foreach (var result in context.Figures.Emissions.Where(e => !e.IsComplete))
            yield return Found(context, "Inputs", result.MissingInputs.Take(10).ToList(), result.MeasureId);
    }
}

public sealed class R041LifetimeSum : Rule
{
    public override string Id => "R-041";
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (lifetime = Σ annual over the lifespan A.12)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    private static readonly string[] AnnualWords = ["per year", "/yr", "/year", "annual", "par an", "/an", "annuel", "por año", "anual"];

    /// A lifetime core-1 figure (not an annual one) must equal the calculators' sum over the
    /// crediting period — of the whole project, or of one measure when it reports per measure.
    /// A reduction reported with both its annual and its lifetime figure keeps both as typed;
    /// they must agree (lifetime = annual × crediting years) within the precision they are written to.
    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var finding in Reported(context))
            yield return finding;
        if (context.Figures.LifetimeTco2e is not { } total || total <= 0)
            yield break;
        var tolerance = context.Param(this, "tolerancePercent", 1m) / 100m;
        var candidates = context.Figures.Emissions.Where(e => e.IsComplete).Select(e => e.LifetimeTco2e).Append(total).ToList();
        foreach (var (indicator, path) in Indicators.WithPaths(context.Proposal))
        {
            if (indicator.IrmfCore != IrmfCore.Core1 || indicator.FinalTarget is not { } target || IsAnnual(indicator))
                continue;
            if (!candidates.Any(c => Math.Abs(target - c) <= c * tolerance))
                yield return Found(context, null, $"{path}.finalTarget", Math.Round(target), Math.Round(total));
        }
    }

    private IEnumerable<Finding> Reported(RuleContext context)
    {
        var measures = context.Proposal.MitigationMeasures;
        foreach (var result in context.Figures.Emissions)
        {
            var i = measures.FindIndex(m => m.Id == result.MeasureId);
            if (i < 0 || measures[i].Reported is not { AnnualTco2e: { } annual, LifetimeTco2e: { } lifetime } || result.CreditingYears <= 0)
                continue;
            var years = result.CreditingYears;
            // Half a unit of the last digit each figure is written to: "4,450" may stand for
            // 4,445 to 4,455 a year, "82,100" for 82,050 to 82,150 in all.
            var tolerance = years * Precision.HalfUnit(annual) + Precision.HalfUnit(lifetime);
            if (Math.Abs(lifetime - annual * years) > tolerance)
                yield return Found(context, "Reported", $"$.mitigationMeasures[{i}].reported.lifetimeTco2e",
                    measures[i].Name ?? measures[i].Id, lifetime, annual, years, annual * years);
        }
    }

    private static bool IsAnnual(Indicator indicator) =>
        AnnualWords.Any(w => (indicator.Unit ?? "").Contains(w, StringComparison.OrdinalIgnoreCase) || (indicator.Name ?? "").Contains(w, StringComparison.OrdinalIgnoreCase));
}

public sealed class R042CoreTwo : Rule
{
    public override string Id => "R-042";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF IRMF core indicator 2 (direct and indirect, never summed)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        foreach (var finding in Splits(context))
            yield return finding;
        if (!Indicators.AdaptationSelected(p))
            yield break;
        if (!p.Results.Indicators.Any(i => i.IrmfCore == IrmfCore.Core2))
            yield return Found(context, "Indicator", "$.results.indicators");
        if (context.Figures.DirectBeneficiaries is null || context.Figures.IndirectBeneficiaries is null)
            yield return Found(context, "Counts", "$.adaptationMeasures");
    }

    /// Each measure's counts, mitigation measures' too: female + male = total, and the split given.
    private IEnumerable<Finding> Splits(RuleContext context)
    {
        foreach (var (b, name, measurePath) in MeasureBeneficiaries.Of(context.Proposal))
        {
            foreach (var (count, kind) in new[] { (b.Direct, "direct"), (b.Indirect, "indirect") })
            {
                var path = $"{measurePath}.{kind}";
                if (count.Total is { } total && count.Female is not null && count.Male is not null && count.Female + count.Male != total)
                    yield return Found(context, "Mismatch", path, name, count.Female + count.Male, total);
                else if (count.Total is not null && count.Female is null && count.Male is null)
                    yield return Found(context, "Split", path, name) with { Severity = Severity.Warning };
            }
        }
    }
}

public sealed class R043BeneficiaryCap : Rule
{
    public override string Id => "R-043";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (beneficiaries ≤ population of the service area)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        // Like with like: indirect beneficiaries of a wider area of their own are compared with
        // that area's population; the others, with the direct ones, with the service area's.
        foreach (var (b, name, path) in MeasureBeneficiaries.Of(context.Proposal))
        {
            var ownArea = b.IndirectAreaPopulation is not null;
            var direct = b.Direct.Known() ?? 0;
            var indirectHere = ownArea ? 0 : b.Indirect.Known() ?? 0;
            // Either count alone beyond the population is impossible. Both together beyond it
            // is what published projects show when their indirect count includes the direct
            // one (FP169: 54,301 + 92,016 in a country of about 103,000): worth a word, not an error.
            if (b.ServiceAreaPopulation is { } population && Math.Max(direct, indirectHere) > population)
                yield return Found(context, "ServiceArea", path, name, Math.Max(direct, indirectHere), population);
            else if (b.ServiceAreaPopulation is { } area && direct + indirectHere > area)
                yield return Found(context, "Overlap", path, name, direct + indirectHere, area) with { Severity = Severity.Warning };
            if (b.IndirectAreaPopulation is { } wider && b.Indirect.Known() is { } indirect && indirect > wider)
                yield return Found(context, "IndirectArea", path + ".indirect", name, indirect, wider, b.IndirectArea ?? "—");
        }
        if (context.Figures.DirectPercentOfPopulation is > 100m || context.Figures.IndirectPercentOfPopulation is > 100m)
            yield return Found(context, "Population", ["$.adaptationMeasures", context.Proposal.Basics.LocalGovernments.Count > 0 ? "$.basics.localGovernments" : "$.applicant.proponent.population"],
                KeyFigures.PopulationOf(context.Proposal));
    }
}

public sealed class R044SexDisaggregation : Rule
{
    public override string Id => "R-044";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF gender policy (B.24/12); sex-disaggregated people indicators";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.SustainableDevelopment;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var (indicator, path) in Indicators.WithPaths(context.Proposal))
        {
            if (Indicators.IsAboutPeople(indicator) && !indicator.Disaggregation.BySex && indicator.FinalTargetBySex is null)
                yield return Found(context, null, $"{path}.disaggregation.bySex", indicator.Code);
        }
    }
}

public sealed class R045IndicatorComplete : Rule
{
    public override string Id => "R-045";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "Logframe practice; GCF IRMF reporting";
    public override TemplateSection Section => TemplateSection.LogicalFramework;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var (i, path) in Indicators.WithPaths(context.Proposal))
        {
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(i.Unit)) missing.Add("unit");
            if (i.BaselineValue is null) missing.Add("baselineValue");
            if (i.BaselineYear is null) missing.Add("baselineYear");
            if (i.FinalTarget is null) missing.Add("finalTarget");
            if (i.Level == ResultLevel.Outcome && i.MidTermTarget is null) missing.Add("midTermTarget");
            if (string.IsNullOrWhiteSpace(i.MeansOfVerification)) missing.Add("meansOfVerification");
            if (i.Frequency is null) missing.Add("frequency");
            if (string.IsNullOrWhiteSpace(i.Responsible)) missing.Add("responsible");
            if (missing.Count > 0)
                yield return Found(context, null, missing.Select(m => $"{path}.{m}").ToList(), i.Code, new FieldsArg(missing.Select(m => $"{path}.{m}").ToList()));
        }
    }
}

public sealed class R046TargetDates : Rule
{
    public override string Id => "R-046";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Warning;
    public override string Source => "Tool (targets within implementation period or lifespan)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.ImplementationStart is not { } start || b.ImplementationEnd is not { } end)
            yield break;
        var lastImpactYear = start.Year + (b.LifespanYears ?? 0);
        foreach (var (i, path) in Indicators.WithPaths(context.Proposal))
        {
            if (i.TargetYear is not { } year)
                continue;
            var last = i.Level == ResultLevel.Impact ? Math.Max(lastImpactYear, end.Year) : end.Year;
            if (year < start.Year || year > last)
                yield return Found(context, null, $"{path}.targetYear", i.Code, year, start.Year, last);
        }
    }
}

public sealed class R047LogframeLinks : Rule
{
    public override string Id => "R-047";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (activity → output → outcome → result area)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ParadigmShift;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var outcomes = p.Results.Outcomes.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        for (var c = 0; c < p.Components.Count; c++)
        {
            for (var o = 0; o < p.Components[c].Outputs.Count; o++)
            {
                var output = p.Components[c].Outputs[o];
                var path = $"$.components[{c}].outputs[{o}].outcomeIds";
                if (output.OutcomeIds.Count == 0)
                    yield return Found(context, "Output", path, output.Id);
                foreach (var unknown in output.OutcomeIds.Where(id => !outcomes.Contains(id)))
                    yield return Found(context, "UnknownOutcome", path, output.Id, unknown);
            }
        }
        for (var i = 0; i < p.Results.Outcomes.Count; i++)
        {
            if (p.Results.Outcomes[i].ResultAreas.Count == 0)
                yield return Found(context, "Outcome", $"$.results.outcomes[{i}].resultAreas", p.Results.Outcomes[i].Id);
        }
        if (p.Results.Indicators.Count == 0)
            yield break;
        foreach (var area in p.Basics.ResultAreas.Select(a => a.Area))
        {
            if (!p.Results.Indicators.Any(i => i.ResultArea == area) && !p.Results.Outcomes.Any(o => o.ResultAreas.Contains(area) && p.Results.Indicators.Any(i => i.MeasuresId == o.Id)))
                yield return Found(context, "Area", "$.basics.resultAreas", area);
        }
    }
}

public sealed class R048OutputBudget : Rule
{
    public override string Id => "R-048";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (each output budgeted; each budget line on an output)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var lines = p.Budget.Lines;
        if (lines.Count == 0)
            yield break;
        var outputs = p.Components.SelectMany((c, ci) => c.Outputs.Select((o, oi) => (Component: c.Id, Output: o.Id, Path: $"$.components[{ci}].outputs[{oi}]"))).ToList();
        foreach (var output in outputs.Where(o => !lines.Any(l => l.OutputId == o.Output)))
            yield return Found(context, "Output", output.Path, output.Output);
        var known = outputs.Select(o => o.Output).ToHashSet(StringComparer.Ordinal);
        // One finding per cost item, not per stored year line: the budget is edited as one row
        // per item with a column per year, and eight findings for one row read as eight problems.
        var unlinked = Enumerable.Range(0, lines.Count).Where(i => lines[i].OutputId is null)
            .GroupBy(i => lines[i].Description?.Trim() ?? "", StringComparer.Ordinal);
        foreach (var item in unlinked)
        {
            var paths = item.Select(i => $"$.budget.lines[{i}].outputId").ToList();
            yield return item.Key.Length > 0
                ? Found(context, "NoOutput", paths, item.Key)
                : Found(context, "NoOutputUnnamed", paths, item.First() + 1);
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].OutputId is { } id && !known.Contains(id))
                yield return Found(context, "Line", $"$.budget.lines[{i}].outputId", id);
        }

        // An activity named by a cost item must be one of its output's (Annex 4's third level);
        // one finding per item, as above.
        var activities = p.Components.SelectMany(c => c.Outputs).SelectMany(o => o.Activities.Select(a => (Output: o.Id, Activity: a.Id)))
            .GroupBy(x => x.Activity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Output, StringComparer.Ordinal);
        var misplaced = Enumerable.Range(0, lines.Count)
            .Where(i => lines[i].ActivityId is { } a && (!activities.TryGetValue(a, out var output) || (lines[i].OutputId is { } o && o != output)))
            .GroupBy(i => (lines[i].Description?.Trim() ?? "", lines[i].ActivityId!));
        foreach (var item in misplaced)
        {
            var paths = item.Select(i => $"$.budget.lines[{i}].activityId").ToList();
            yield return activities.TryGetValue(item.Key.Item2, out var owner)
                ? Found(context, "ActivityElsewhere", paths, item.Key.Item2, owner, lines[item.First()].OutputId)
                : Found(context, "NoActivity", paths, item.Key.Item2);
        }
    }
}

public sealed class R049CoreThreeFour : Rule
{
    public override string Id => "R-049";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF IRMF core indicators 3 and 4";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        if (p.AdaptationMeasures.Any(m => m.AssetsProtected.Count > 0) && !p.Results.Indicators.Any(i => i.IrmfCore == IrmfCore.Core3))
            yield return Found(context, "Assets", "$.results.indicators");
        var managesLand = p.AdaptationMeasures.Any(m => m.Hectares > 0) || p.ResourceProtection.Any(r => r.AreaHectares > 0);
        if (managesLand && !p.Results.Indicators.Any(i => i.IrmfCore == IrmfCore.Core4))
            yield return Found(context, "Hectares", "$.results.indicators");
    }
}

public sealed class R051CostPerTonne : Rule
{
    public override string Id => "R-051";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF FP V.1 section E (cost per tCO2e); reviewer practice";
    public override TemplateSection Section => TemplateSection.InvestmentCriteria;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Figures.CostPerTco2e is { } total && context.Figures.GcfCostPerTco2e is { } gcf)
            yield return Found(context, null, "$.mitigationMeasures", context.Money(Math.Round(total, 2)), context.Money(Math.Round(gcf, 2)));
    }
}

public sealed class R052CoreOnePositive : Rule
{
    public override string Id => "R-052";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Warning;
    public override string Source => "Tool (mitigation result areas ⇒ core 1 > 0)";
    public override TemplateSection Section => TemplateSection.LogicalFramework;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var mitigationAreas = context.Proposal.Basics.ResultAreas.Any(a => a.Area <= ResultArea.M4);
        if (mitigationAreas && context.Figures.LifetimeTco2e is <= 0m)
            yield return Found(context, null, "$.mitigationMeasures", Math.Round(context.Figures.LifetimeTco2e.Value));
    }
}

public sealed class R053TheoryOfChange : Rule
{
    public override string Id => "R-053";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template B.2 (theory of change with diagram)";
    public override TemplateSection Section => TemplateSection.ProjectInformation;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ParadigmShift;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (!string.IsNullOrWhiteSpace(context.Proposal.Narratives.TheoryOfChange)
            && !context.Proposal.Annexes.Any(a => a.Type == AnnexType.TheoryOfChangeDiagram))
            yield return Found(context, null, "$.annexes");
    }
}
