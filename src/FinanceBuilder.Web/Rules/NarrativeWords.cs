using System.Runtime.CompilerServices;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// Word counts of the narrative sections, as word limits count them.
public static class NarrativeWords
{
    /// Words separated by white space (as string.Split with no separator counts them). Counted
    /// without allocating, and remembered per text: several rules count the same narratives, and
    /// the texts nobody edited are the same strings from one autosave to the next.
    public static int Of(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : Remembered.GetValue(text, t => new Counted(CountWords(t))).Words;

    private static readonly ConditionalWeakTable<string, Counted> Remembered = new();

    private sealed record Counted(int Words);

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }
        return words;
    }

    public static IEnumerable<(string Path, string? Text)> All(Proposal p)
    {
        var n = p.Narratives;
        var c = n.InvestmentCriteria;
        yield return ("$.narratives.executiveSummary", n.ExecutiveSummary);
        yield return ("$.narratives.complementarity", n.Complementarity);
        yield return ("$.narratives.theoryOfChange", n.TheoryOfChange);
        yield return ("$.narratives.projectDescription", n.ProjectDescription);
        yield return ("$.narratives.justificationForGcf", n.JustificationForGcf);
        yield return ("$.narratives.exitStrategy", n.ExitStrategy);
        yield return ("$.narratives.investmentCriteria.impactPotential", c.ImpactPotential);
        yield return ("$.narratives.investmentCriteria.paradigmShift", c.ParadigmShift);
        yield return ("$.narratives.investmentCriteria.sustainableDevelopment", c.SustainableDevelopment);
        yield return ("$.narratives.investmentCriteria.needsOfRecipient", c.NeedsOfRecipient);
        yield return ("$.narratives.investmentCriteria.countryOwnership", c.CountryOwnership);
        yield return ("$.narratives.investmentCriteria.efficiencyEffectiveness", c.EfficiencyEffectiveness);
        yield return ("$.climateRationale.context", p.ClimateRationale.Context);
        yield return ("$.governance.implementationArrangements", p.Governance.ImplementationArrangements);
        yield return ("$.monitoringEvaluation.arrangements", p.MonitoringEvaluation.Arrangements);
        yield return ("$.gender.assessment", p.Gender.Assessment);
        yield return ("$.stakeholders.engagementPlan", p.Stakeholders.EngagementPlan);
        for (var i = 0; i < p.Components.Count; i++)
            yield return ($"$.components[{i}].description", p.Components[i].Description);
    }

    public static int Count(Proposal p) => All(p).Sum(n => Of(n.Text));
}
