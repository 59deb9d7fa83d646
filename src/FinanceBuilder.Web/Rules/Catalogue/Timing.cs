using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.5 — dates, durations, narrative and annexes. R-077 and R-080 hold by
// construction (one data source for body and annexes; summary figures computed, never typed).

public sealed class R070ImplementationPeriod : Rule
{
    public override string Id => "R-070";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP A.11 (implementation period in months)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.ImplementationStart is not { } start || b.ImplementationEnd is not { } end)
            yield break;
        if (start >= end)
        {
            yield return Found(context, "Order", ["$.basics.implementationStart", "$.basics.implementationEnd"], start, end);
            yield break;
        }
        var months = Months(start, end);
        if (b.ImplementationMonths is { } declared && Math.Abs(declared - months) > 1)
            yield return Found(context, "Months", "$.basics.implementationMonths", declared, months);
    }

    /// Whole months from start to end, the end day included: 2020-01-01 → 2025-12-31 is 72 months,
    /// and so is 2020-01-01 → 2026-01-01 (a period that "ends on" the anniversary).
    public static int Months(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        return (after.Year - start.Year) * 12 + after.Month - start.Month - (after.Day < start.Day ? 1 : 0);
    }
}

public sealed class R071Lifespan : Rule
{
    public override string Id => "R-071";
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (lifespan A.12 ≥ implementation period A.11)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        var months = b.ImplementationMonths
            ?? (b.ImplementationStart is { } s && b.ImplementationEnd is { } e ? R070ImplementationPeriod.Months(s, e) : null);
        if (b.LifespanYears is { } years && months is { } m && years * 12 < m)
            yield return Found(context, null, ["$.basics.lifespanYears", "$.basics.implementationMonths"], years, m);
    }
}

public sealed class R072Timetable : Rule
{
    public override string Id => "R-072";
    public override Severity Severity => Severity.Warning;
    public override string Source => "Tool (milestones inside the implementation period)";
    public override TemplateSection Section => TemplateSection.Annexes;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.ImplementationStart is not { } start || b.ImplementationEnd is not { } end)
            yield break;
        var items = context.Proposal.Timetable;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Start < start || items[i].End > end || items[i].Start > end || items[i].End < start)
                yield return Found(context, null, $"$.timetable[{i}]", items[i].Name ?? $"#{i + 1}", start, end);
        }
    }
}

public sealed class R073AeApproval : Rule
{
    public override string Id => "R-073";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP A.13 (AE internal approval before the Board)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.ExpectedAeApprovalDate is { } ae && b.TargetBoardDate is { } board && ae > board)
            yield return Found(context, null, ["$.basics.expectedAeApprovalDate", "$.basics.targetBoardDate"], ae, board);
    }
}

public sealed class R074Criteria : Rule
{
    public override string Id => "R-074";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF investment framework: respond to all six criteria";
    public override TemplateSection Section => TemplateSection.InvestmentCriteria;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var c = context.Proposal.Narratives.InvestmentCriteria;
        (string? Text, string Name, InvestmentCriterion Criterion)[] criteria =
        [
            (c.ImpactPotential, "impactPotential", InvestmentCriterion.ImpactPotential),
            (c.ParadigmShift, "paradigmShift", InvestmentCriterion.ParadigmShift),
            (c.SustainableDevelopment, "sustainableDevelopment", InvestmentCriterion.SustainableDevelopment),
            (c.NeedsOfRecipient, "needsOfRecipient", InvestmentCriterion.NeedsOfRecipient),
            (c.CountryOwnership, "countryOwnership", InvestmentCriterion.CountryOwnership),
            (c.EfficiencyEffectiveness, "efficiencyEffectiveness", InvestmentCriterion.EfficiencyEffectiveness),
        ];
        var answered = criteria.Count(x => !string.IsNullOrWhiteSpace(x.Text));
        if (answered == 0)
            yield break; // not started: completeness reports it
        foreach (var (text, name, criterion) in criteria.Where(x => string.IsNullOrWhiteSpace(x.Text)))
            yield return Found(context, null, $"$.narratives.investmentCriteria.{name}", criterion) with { Criterion = criterion };
    }
}

public sealed class R075WordLimits : Rule
{
    public override string Id => "R-075";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template word limits (theory of change 1,000 words [V]; others [R])";
    public override TemplateSection Section => TemplateSection.ProjectInformation;

    private static readonly (string Path, string Param, int Default)[] Limits =
    [
        ("$.narratives.executiveSummary", "executiveSummary", 750),
        ("$.narratives.theoryOfChange", "theoryOfChange", 1000),
        ("$.climateRationale.context", "climateRationale", 1000),
        ("$.narratives.projectDescription", "projectDescription", 2250),
        ("$.governance.implementationArrangements", "implementationArrangements", 1500),
        ("$.narratives.justificationForGcf", "justificationForGcf", 1000),
        ("$.narratives.exitStrategy", "exitStrategy", 500),
        ("$.narratives.investmentCriteria.impactPotential", "impactPotential", 600),
        ("$.narratives.investmentCriteria.paradigmShift", "paradigmShift", 1000),
        ("$.narratives.investmentCriteria.sustainableDevelopment", "sustainableDevelopment", 500),
        ("$.narratives.investmentCriteria.needsOfRecipient", "needsOfRecipient", 500),
        ("$.narratives.investmentCriteria.countryOwnership", "countryOwnership", 500),
        ("$.narratives.investmentCriteria.efficiencyEffectiveness", "efficiencyEffectiveness", 500),
    ];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var texts = NarrativeWords.All(context.Proposal).ToDictionary(n => n.Path, n => n.Text);
        foreach (var (path, param, fallback) in Limits)
        {
            var limit = (int)context.Param(this, param, fallback);
            var words = NarrativeWords.Of(texts.GetValueOrDefault(path));
            // The question is named: the report lists findings away from the wizard's fields.
            if (words > limit)
                yield return Found(context, null, path, words, limit, new FieldsArg([path]));
        }
    }
}

public sealed partial class R076AnnexReferences : Rule
{
    public override string Id => "R-076";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template general notes (annexes consistent with the FP)";
    public override TemplateSection Section => TemplateSection.Annexes;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        // A row said to be attached with no file: the package would not carry it, and the annex
        // list says "sent separately" for it (the same fact the documents use).
        for (var i = 0; i < p.Annexes.Count; i++)
        {
            if (p.Annexes[i].Status == DocumentStatus.Attached && p.Annexes[i].Files.Count == 0)
                yield return Found(context, "NoFile", $"$.annexes[{i}].status", p.Annexes[i].Number);
        }
        var numbers = p.Annexes.Select(a => a.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var referenced = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, text) in NarrativeWords.All(p))
        {
            if (string.IsNullOrEmpty(text))
                continue;
            foreach (Match match in AnnexReference().Matches(text))
            {
                var number = match.Groups["n"].Value;
                referenced.Add(number);
                if (!numbers.Contains(number))
                    yield return Found(context, "Missing", path, number);
            }
        }
        if (referenced.Count == 0)
            yield break; // the narrative does not cite annexes by number yet
        var unreferenced = Enumerable.Range(0, p.Annexes.Count)
            .Where(i => Documents.Ready(p.Annexes[i]) && !referenced.Contains(p.Annexes[i].Number)).ToList();
        if (unreferenced.Count > 0)
            yield return Found(context, "Unreferenced", unreferenced.Select(i => $"$.annexes[{i}]").ToList(), unreferenced.Count, string.Join(", ", unreferenced.Select(i => p.Annexes[i].Number))) with { Severity = Severity.Advice };
    }

    [GeneratedRegex(@"\b(?:Annex|Annexe|Anexo)\s+(?<n>\d+[a-z]?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnnexReference();
}

public sealed class R078AnnexDisclosure : Rule
{
    public override string Id => "R-078";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP G.4 (disclosure preferences)";
    public override TemplateSection Section => TemplateSection.Annexes;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var annexes = context.Proposal.Annexes;
        var unset = Enumerable.Range(0, annexes.Count).Where(i => annexes[i].Confidential is null).ToList();
        if (unset.Count > 0)
            yield return Found(context, null, unset.Select(i => $"$.annexes[{i}].confidential").ToList(), string.Join(", ", unset.Select(i => annexes[i].Number)));
    }
}

public sealed class R079TemplateVersion : Rule
{
    public override string Id => "R-079";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF SAP guidelines (field numbers change between template versions)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var declared = context.Proposal.Target.TemplateVersion;
        if (context.Proposal.Target.Route is not null && string.IsNullOrWhiteSpace(declared))
            yield return Found(context, null, "$.target.templateVersion", context.Settings.TemplateVersion);
        else if (!string.IsNullOrWhiteSpace(declared) && !string.Equals(declared, context.Settings.TemplateVersion, StringComparison.OrdinalIgnoreCase))
        {
            // A version of another type of application (a funding proposal's file checked as a
            // SAP): the route's own version applies, and the message says which.
            if (RuleSettings.AllVersions.ContainsKey(declared))
                yield return Found(context, "OtherRoute", "$.target.templateVersion", declared, context.Route, context.Settings.TemplateVersion) with { Severity = Severity.Warning };
            else
                yield return Found(context, "Unknown", "$.target.templateVersion", declared, context.Settings.TemplateVersion, string.Join(", ", RuleSettings.AllVersions.Keys.Order(StringComparer.Ordinal))) with { Severity = Severity.Warning };
        }
    }
}
