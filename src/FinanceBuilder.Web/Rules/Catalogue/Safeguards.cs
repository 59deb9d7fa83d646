using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.4 — safeguards, gender, stakeholders.

internal static class Documents
{
    public static bool Ready(DocumentStatus status) => status is DocumentStatus.Final or DocumentStatus.Attached;

    /// An annex row is ready when a file is attached to it, or its document is said to be final.
    public static bool Ready(Annex annex) => annex.Files.Count > 0 || Ready(annex.Status);

    public static bool HasAnnex(Proposal p, AnnexType type) => p.Annexes.Any(a => a.Type == type && Ready(a));
}

public sealed class R060Category : Rule
{
    public override string Id => "R-060";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP A.14; GCF environmental and social policy";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.SustainableDevelopment;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var s = context.Proposal.Safeguards;
        if (s.Category is not null && string.IsNullOrWhiteSpace(s.CategoryRationale))
            yield return Found(context, null, "$.safeguards.categoryRationale", s.Category);
    }
}

public sealed class R061Screening : Rule
{
    public override string Id => "R-061";
    public override Severity Severity => Severity.Warning;
    public override string Source => "IFC Performance Standards (GCF interim ESS); SAP eligibility (B.32/05)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var s = context.Proposal.Safeguards;
        var q = s.Screening;
        var flags = new List<string>();
        if (q.LandAcquisitionOrResettlement == true) flags.Add("landAcquisitionOrResettlement");
        if (q.IndigenousPeoplesPresent == true) flags.Add("indigenousPeoplesPresent");
        if (q.CriticalHabitatOrProtectedArea == true) flags.Add("criticalHabitatOrProtectedArea");
        if (q.MajorCivilWorks == true) flags.Add("majorCivilWorks");
        if (q.HazardousMaterials == true) flags.Add("hazardousMaterials");
        if (q.SignificantLabourInflux == true) flags.Add("significantLabourInflux");
        // On the SAP route R-015 reports what excludes a project outright; the rest stays here.
        if (context.Route == Route.Sap)
            flags.RemoveAll(f => R015SapCategory.Exclusions.Any(e => e.Field == f));
        if (s.Category is EssCategory.C or EssCategory.I3 && flags.Count > 0)
        {
            var finding = Found(context, null, flags.Select(f => $"$.safeguards.screening.{f}").ToList(), s.Category, new FieldsArg(flags.Select(f => $"safeguards.screening.{f}").ToList()));
            yield return context.Route == Route.Sap ? finding with { Severity = Severity.Error } : finding;
        }
        var manyResettled = q.PeopleResettled is { } people && people >= context.Param(this, "resettlementSuggestsA", 200m);
        if ((manyResettled || q.IrreversibleImpacts == true) && s.Category is not (EssCategory.A or EssCategory.I1 or null) && context.Route != Route.Sap)
            yield return Found(context, "SuggestA", ["$.safeguards.category", "$.safeguards.screening"], s.Category) with { Severity = Severity.Advice };
    }
}

public sealed class R062CategoryA : Rule
{
    public override string Id => "R-062";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF information disclosure policy (category A: 120 days)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var finding in Disclosure.Check(this, context, [EssCategory.A, EssCategory.I1], requireBoth: true, (int)context.Param(this, "disclosureDays", 120)))
            yield return finding;
        var p = context.Proposal;
        if (p.Safeguards.Category is EssCategory.A or EssCategory.I1 && p.Safeguards.Screening.LandAcquisitionOrResettlement == true
            && !p.Annexes.Any(a => a.Type == AnnexType.ResettlementPlan))
            yield return Found(context, "Resettlement", ["$.safeguards.screening.landAcquisitionOrResettlement", "$.annexes"]);
    }
}

public sealed class R063CategoryB : Rule
{
    public override string Id => "R-063";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF information disclosure policy (category B: 30 days)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context) =>
        Disclosure.Check(this, context, [EssCategory.B, EssCategory.I2], requireBoth: false, (int)context.Param(this, "disclosureDays", 30));
}

internal static class Disclosure
{
    /// Category A needs ESIA and ESMP; B needs either. Disclosure at least N days before the
    /// earlier of the GCF Board and the AE's own approval.
    public static IEnumerable<Finding> Check(Rule rule, RuleContext context, EssCategory[] categories, bool requireBoth, int days)
    {
        var p = context.Proposal;
        var s = p.Safeguards;
        if (s.Category is not { } category || !categories.Contains(category))
            yield break;
        var esia = Documents.Ready(s.EsiaStatus);
        var esmp = Documents.Ready(s.EsmpStatus);
        if (requireBoth ? !(esia && esmp) : !(esia || esmp))
        {
            // "Not required" where the category requires the document is a wrong answer, not a
            // document still to come: say so rather than ask for it.
            var esiaWaived = s.EsiaStatus == DocumentStatus.NotRequired;
            var esmpWaived = s.EsmpStatus == DocumentStatus.NotRequired;
            var variant = (requireBoth ? esiaWaived || esmpWaived : esiaWaived && esmpWaived) ? "NotRequired" : "Documents";
            yield return new Finding(rule.Id, context.SeverityOf(rule), ["$.safeguards.esiaStatus", "$.safeguards.esmpStatus"], $"{rule.Id}.{variant}", [category], rule.Source, rule.Section, rule.Criterion);
        }
        DateOnly? decision = (p.Basics.TargetBoardDate, p.Basics.ExpectedAeApprovalDate) switch
        {
            ({ } board, { } ae) => board < ae ? board : ae,
            ({ } board, null) => board,
            (null, { } ae) => ae,
            _ => null,
        };
        if (decision is { } by && (s.DisclosureDate is null || s.DisclosureDate.Value.AddDays(days) > by))
            yield return new Finding(rule.Id, context.SeverityOf(rule), ["$.safeguards.disclosureDate"], $"{rule.Id}.Disclosure", [days, by.AddDays(-days)], rule.Source, rule.Section, rule.Criterion);
    }
}

public sealed class R064CategoryC : Rule
{
    public override string Id => "R-064";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF ESS screening guideline for SAP (ESAP annex)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        if (p.Safeguards.Category is not (EssCategory.C or EssCategory.I3))
            yield break;
        if (string.IsNullOrWhiteSpace(p.Safeguards.Screening.Notes))
            yield return Found(context, null, "$.safeguards.screening.notes");
        if (context.Route == Route.Sap && !p.Annexes.Any(a => a.Type == AnnexType.EnvironmentalSocialAssessment))
            yield return Found(context, "Esap", "$.annexes");
    }
}

public sealed class R065Gender : Rule
{
    public override string Id => "R-065";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF gender policy and gender action plan (B.24/12)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.SustainableDevelopment;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var g = context.Proposal.Gender;
        if (string.IsNullOrWhiteSpace(g.Assessment) && !Documents.HasAnnex(context.Proposal, AnnexType.GenderAssessment))
            yield return Found(context, "Assessment", "$.gender.assessment");
        if (g.ActionPlan.Count == 0)
        {
            yield return Found(context, "Plan", "$.gender.actionPlan");
            yield break;
        }
        for (var i = 0; i < g.ActionPlan.Count; i++)
        {
            var a = g.ActionPlan[i];
            var missing = new List<string>();
            if (string.IsNullOrWhiteSpace(a.Indicator)) missing.Add("indicator");
            // People are counted by sex; an institutional target needs its figure and its unit.
            if (a.CountsPeople() && (a.Target is null || (a.Target.Female is null && a.Target.Male is null))) missing.Add("target");
            if (!a.CountsPeople() && a.TargetValue is null) missing.Add("targetValue");
            if (!a.CountsPeople() && string.IsNullOrWhiteSpace(a.TargetUnit)) missing.Add("targetUnit");
            if (a.Start is null) missing.Add("start");
            if (a.End is null) missing.Add("end");
            if (string.IsNullOrWhiteSpace(a.Responsible)) missing.Add("responsible");
            if (a.Budget is null) missing.Add("budget");
            if (missing.Count > 0)
                yield return Found(context, "Action", $"$.gender.actionPlan[{i}]", i + 1, new FieldsArg(missing.Select(m => $"gender.actionPlan.{m}").ToList()));
        }
    }
}

public sealed class R066IndigenousPeoples : Rule
{
    public override string Id => "R-066";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF Indigenous Peoples policy (FPIC where affected)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        if (p.Safeguards.Screening.IndigenousPeoplesPresent == true && !p.Annexes.Any(a => a.Type == AnnexType.IndigenousPeoplesPlan))
            yield return Found(context, null, ["$.safeguards.screening.indigenousPeoplesPresent", "$.annexes"]);
    }
}

public sealed class R067Consultation : Rule
{
    public override string Id => "R-067";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF stakeholder engagement practice; Adaptation Fund practice";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.CountryOwnership;

    /// Groups the GCF asks projects to reach on purpose, with young people whom the territories
    /// name first (docs/decisions/0022); women are counted by sex.
    private static readonly StakeholderGroup[] Vulnerable =
        [StakeholderGroup.Youth, StakeholderGroup.Elderly, StakeholderGroup.Migrants, StakeholderGroup.PeopleWithDisabilities, StakeholderGroup.VulnerablePeople, StakeholderGroup.IndigenousPeoples];

    public override IEnumerable<Finding> Evaluate(RuleContext context) =>
        EngagementEvidence.Of(context.Proposal) is { } records ? FromRecords(context, records) : FromRows(context);

    /// A stored proposal: the consultation records, inputs and grievances kept beside it.
    private IEnumerable<Finding> FromRecords(RuleContext context, EngagementEvidence records)
    {
        var p = context.Proposal;
        var s = p.Stakeholders;
        var held = records.Consultations;
        if (held.Count == 0 && s.Consultations.Count == 0)
        {
            // A category A or B activity consulted nobody: the funder will not take it (AC-15).
            if (p.Safeguards.Category is EssCategory.A or EssCategory.B or EssCategory.I1 or EssCategory.I2)
                yield return Found(context, "NoneHighRisk", "$.stakeholders.consultations") with { Severity = Severity.Error };
            else if (!string.IsNullOrWhiteSpace(s.GrievanceMechanism))
                yield return Found(context, "None", "$.stakeholders.consultations");
        }
        var reached = held.SelectMany(c => c.Reached).Concat(s.Consultations.SelectMany(c => c.GroupsReached)).ToHashSet();
        if (held.Count > 0 && !reached.Contains(StakeholderGroup.Women))
            yield return Found(context, "Women", "$.stakeholders.consultations");
        if (held.Count > 0 && !Vulnerable.Any(reached.Contains))
            yield return Found(context, "Vulnerable", "$.stakeholders.consultations");
        // A group the proposal says is there that the records never reached: no consultation
        // counted it and nobody of it gave an input.
        var consulted = records.Consulted.ToHashSet();
        if (held.Count > 0)
        {
            foreach (var (group, where) in NamedGroups.In(p).Where(n => Vulnerable.Contains(n.Group) && !consulted.Contains(n.Group)))
                yield return Found(context, "NotConsulted", ["$.stakeholders.consultations", .. where], group);
        }
        if (records.InputsWithoutResponse > 0)
            yield return Found(context, "NoResponse", "$.stakeholders.consultations", records.InputsWithoutResponse);
        if (held.Count + s.Consultations.Count > 0 && string.IsNullOrWhiteSpace(s.GrievanceMechanism))
            yield return Found(context, "Grievance", "$.stakeholders.grievanceMechanism");
    }

    /// A proposal read from a file: the consultation rows it carries.
    private IEnumerable<Finding> FromRows(RuleContext context)
    {
        var s = context.Proposal.Stakeholders;
        if (s.Consultations.Count == 0 && string.IsNullOrWhiteSpace(s.GrievanceMechanism))
            yield break; // not started: completeness reports it
        if (s.Consultations.Count == 0)
            yield return Found(context, "None", "$.stakeholders.consultations");
        for (var i = 0; i < s.Consultations.Count; i++)
        {
            if (s.Consultations[i].Date is null)
                yield return Found(context, "Date", $"$.stakeholders.consultations[{i}].date", i + 1);
        }
        var groups = s.Consultations.SelectMany(c => c.GroupsReached).ToHashSet();
        if (s.Consultations.Count > 0 && !groups.Contains(StakeholderGroup.Women))
            yield return Found(context, "Women", "$.stakeholders.consultations");
        if (s.Consultations.Count > 0 && !Vulnerable.Any(groups.Contains))
            yield return Found(context, "Vulnerable", "$.stakeholders.consultations");
        if (string.IsNullOrWhiteSpace(s.GrievanceMechanism))
            yield return Found(context, "Grievance", "$.stakeholders.grievanceMechanism");
    }
}

public sealed class R068Disclosure21Days : Rule
{
    public override string Id => "R-068";
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF information disclosure policy (FP disclosed 21 days before the Board)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.CurrentSubmissionDate is { } submitted && b.TargetBoardDate is { } board && board.DayNumber - submitted.DayNumber < 21)
            yield return Found(context, null, ["$.basics.currentSubmissionDate", "$.basics.targetBoardDate"], board.DayNumber - submitted.DayNumber);
    }
}

/// Where a proposal names the groups it concerns (R-067): its own consultation rows, Indigenous
/// Peoples in the screening, and its "most vulnerable groups", read for the words a reviewer
/// would take as naming a group, in English and French. The gender assessment is not read: it
/// describes women's situation and mentions others in passing ("caring for elderly relatives",
/// "male emigration"), which names no group the project sets out to reach; its women are asked
/// for by the Women check already. The beneficiaries are counts by sex and name no group.
internal static partial class NamedGroups
{
    /// Each group named, with where it is named besides the consultation rows (the finding
    /// points there too, where the proposal may be corrected instead).
    public static IEnumerable<(StakeholderGroup Group, IReadOnlyList<string> Where)> In(Proposal p)
    {
        var rows = p.Stakeholders.Consultations.SelectMany(c => c.GroupsReached).ToHashSet();
        var text = p.ClimateRationale.Vulnerability.VulnerableGroups ?? "";
        foreach (var group in Enum.GetValues<StakeholderGroup>())
        {
            var where = new List<string>();
            if (group == StakeholderGroup.IndigenousPeoples && p.Safeguards.Screening.IndigenousPeoplesPresent == true)
                where.Add("$.safeguards.screening.indigenousPeoplesPresent");
            if (Words(group) is { } words && words.IsMatch(text))
                where.Add("$.climateRationale.vulnerability.vulnerableGroups");
            if (rows.Contains(group) || where.Count > 0)
                yield return (group, where);
        }
    }

    /// The words that name a group. "Vulnerable people" has none: the field is a list of
    /// vulnerable people, so the phrase names nobody in particular.
    private static Regex? Words(StakeholderGroup group) => group switch
    {
        StakeholderGroup.Youth => Youth(),
        StakeholderGroup.Elderly => Elderly(),
        StakeholderGroup.Migrants => Migrants(),
        StakeholderGroup.PeopleWithDisabilities => Disabilities(),
        StakeholderGroup.IndigenousPeoples => Indigenous(),
        _ => null,
    };

    // "young children", "jeunes enfants" are children, not young people.
    [GeneratedRegex(@"\byouths?\b|\byoung\b(?!\s+(?:child|children|infants?|babies)\b)|\badolescen|\bteenagers?\b|\bjeunes?\b(?!\s+enfants?\b)|\bjeunesse\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Youth();

    [GeneratedRegex(@"\belderly\b|\bolder\s+(?:people|persons|women|men|adults|residents|farmers)\b|\bold\s+people\b|\bseniors?\b|\bâgée?s?\b|\baînée?s\b|\btroisième\s+âge\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Elderly();

    [GeneratedRegex(@"\bmigrants?\b|\brefugees?\b|\bdisplaced\b|\basylum\b|\bmigrante?s?\b|\bréfugiée?s?\b|\bdéplacée?s?\b|\bdemandeurs?\s+d.asile\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Migrants();

    [GeneratedRegex(@"\bdisabilit(?:y|ies)\b|\bdisabled\b|\bhandicap(?:ée?s?)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disabilities();

    [GeneratedRegex(@"\bindigenous\b|\bautochtones?\b|\bindigènes?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Indigenous();
}
