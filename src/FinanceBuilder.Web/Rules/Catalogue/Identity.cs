using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.1 — identity, metadata, eligibility.

public sealed class R001Title : Rule
{
    public override string Id => "R-001";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template V.3.0 cover block";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var title = context.Proposal.Basics.Title;
        if (string.IsNullOrWhiteSpace(title))
            yield break;
        var maxLength = (int)context.Param(this, "maxLength", 100);
        var maxWords = (int)context.Param(this, "maxWords", 15);
        if (title.Length > maxLength)
            yield return Found(context, "TooLong", "$.basics.title", title.Length, maxLength) with { Severity = Severity.Advice }; // approved titles run longer (FP208: 101)
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words > maxWords)
            yield return Found(context, "Words", "$.basics.title", words, maxWords) with { Severity = Severity.Advice };
        // Advice only, and for a one-country project: approved titles often name a programme
        // ("LoCAL", "CARE-LG") rather than the country, and a regional one names the region.
        var countries = context.Proposal.Basics.Countries.Select(c => c.Code).ToList();
        if (countries is [{ } only] && !CountryNames.Mentions(title, only))
            yield return Found(context, "Country", "$.basics.title", new CountryArg(only)) with { Severity = Severity.Advice };
    }
}

public sealed class R002Countries : Rule
{
    public override string Id => "R-002";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP template V.3.0 cover block; GCF eligibility: developing-country Parties (non-Annex I) to the UNFCCC";
    public override TemplateSection Section => TemplateSection.Summary;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.CountryOwnership;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var countries = context.Proposal.Basics.Countries;
        if (countries.Count == 0 && !string.IsNullOrWhiteSpace(context.Proposal.Basics.Title))
            yield return Found(context, null, "$.basics.countries");
        for (var i = 0; i < countries.Count; i++)
        {
            if (context.Settings.NotEligibleCountries.Contains(countries[i].Code))
                yield return Found(context, "Eligibility", $"$.basics.countries[{i}].code", new CountryArg(countries[i].Code));
        }
    }
}

public sealed class R006AccessModality : Rule
{
    public override string Id => "R-006";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF CN template V.1 A.7 (direct / international access)";
    public override TemplateSection Section => TemplateSection.Summary;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.CountryOwnership;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ae = context.Proposal.Applicant.AccreditedEntity;
        if (ae.Kind is not { } kind || ae.AccessModality is not { } modality)
            yield break;
        var expected = kind == AccreditedEntityKind.InternationalAccess ? AccessModality.International : AccessModality.Direct;
        if (modality != expected)
            yield return Found(context, null, ["$.applicant.accreditedEntity.accessModality", "$.applicant.accreditedEntity.kind"], kind, modality, expected);
    }
}

public sealed class R003SubmissionDates : Rule
{
    public override string Id => "R-003";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP template V.3.0 cover block";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (b.FirstSubmissionDate is { } first && b.CurrentSubmissionDate is { } current && first > current)
            yield return Found(context, null, ["$.basics.firstSubmissionDate", "$.basics.currentSubmissionDate"], first, current);
    }
}

public sealed partial class R004VersionNumber : Rule
{
    public override string Id => "R-004";
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF FP template V.3.0 cover block (V.000 pattern)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Proposal.Basics.VersionNumber is { } version && !Pattern().IsMatch(version))
            yield return Found(context, null, "$.basics.versionNumber", version);
    }

    [GeneratedRegex(@"^V\.\d{3}$")]
    private static partial Regex Pattern();
}

public sealed class R005Accreditation : Rule
{
    public override string Id => "R-005";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF accreditation framework (size, E&S category, fiduciary standards)";
    public override TemplateSection Section => TemplateSection.Summary;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.CountryOwnership;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var scope = context.Proposal.Applicant.AccreditedEntity.Scope;
        if (scope.MaxSize is { } maxSize && context.Figures.SizeCategory is { } size && size > maxSize)
            yield return Found(context, "Size", "$.applicant.accreditedEntity.scope.maxSize", size, maxSize);
        if (scope.MaxRiskCategory is { } maxRisk && context.Proposal.Safeguards.Category is { } category && RiskRank(category) > RiskRank(maxRisk))
            yield return Found(context, "Risk", ["$.safeguards.category", "$.applicant.accreditedEntity.scope.maxRiskCategory"], category, maxRisk);
        if (scope.FiduciaryStandards.Count == 0)
            yield break;
        var instruments = context.Proposal.Financing.GcfInstruments;
        for (var i = 0; i < instruments.Count; i++)
        {
            var row = instruments[i];
            var lends = row.Instrument is FinancialInstrument.SeniorLoan or FinancialInstrument.SubordinatedLoan or FinancialInstrument.Equity or FinancialInstrument.Guarantee;
            if ((lends || row.Channel == OnwardChannel.OnLending) && !scope.FiduciaryStandards.Contains(FiduciaryStandard.OnLendingBlending))
                yield return Found(context, "Instrument", $"$.financing.gcfInstruments[{i}].{(lends ? "instrument" : "channel")}", row.Instrument, FiduciaryStandard.OnLendingBlending);
            else if (row.Channel == OnwardChannel.OnGranting && !scope.FiduciaryStandards.Contains(FiduciaryStandard.GrantAward))
                yield return Found(context, "OnGranting", $"$.financing.gcfInstruments[{i}].channel", row.Instrument, FiduciaryStandard.GrantAward);
        }
    }

    /// A ≈ I-1 > B ≈ I-2 > C ≈ I-3.
    private static int RiskRank(EssCategory category) => category switch
    {
        EssCategory.A or EssCategory.I1 => 3,
        EssCategory.B or EssCategory.I2 => 2,
        _ => 1,
    };
}

public sealed class R007NoObjection : Rule
{
    public override string Id => "R-007";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF no-objection procedure (B.08/10, B.41/02)";
    public override TemplateSection Section => TemplateSection.Annexes;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.CountryOwnership;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ndas = context.Proposal.Applicant.NationalDesignatedAuthorities;
        foreach (var country in context.Proposal.Basics.Countries)
        {
            var index = ndas.FindIndex(n => n.CountryCode == country.Code);
            var path = index >= 0 ? $"$.applicant.nationalDesignatedAuthorities[{index}]" : "$.applicant.nationalDesignatedAuthorities";
            if (context.Route == Route.ConceptNote)
            {
                if (index < 0 || ndas[index].InformedOn is null)
                    yield return Found(context, "Informed", $"{path}.informedOn", new CountryArg(country.Code)) with { Severity = Severity.Warning };
            }
            else if (index < 0 || ndas[index].NoObjectionLetter.Status is not (DocumentStatus.Final or DocumentStatus.Attached))
            {
                yield return Found(context, null, $"{path}.noObjectionLetter.status", new CountryArg(country.Code));
            }
        }
    }
}

public sealed class R008NoObjectionTemplate : Rule
{
    public override string Id => "R-008";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF no-objection letter template (election 1 or 2; unmodified text)";
    public override TemplateSection Section => TemplateSection.Annexes;
    public override IReadOnlyList<Route> Routes => [Route.FundingProposal, Route.Sap, Route.Ppf];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ndas = context.Proposal.Applicant.NationalDesignatedAuthorities;
        for (var i = 0; i < ndas.Count; i++)
        {
            var letter = ndas[i].NoObjectionLetter;
            if (letter.Status is DocumentStatus.Final or DocumentStatus.Attached)
                yield return ndas[i].Signatory is { } signatory
                    ? Found(context, null, $"$.applicant.nationalDesignatedAuthorities[{i}].noObjectionLetter", new CountryArg(ndas[i].CountryCode ?? "?"), signatory)
                    : Found(context, "Signatory", $"$.applicant.nationalDesignatedAuthorities[{i}].signatory", new CountryArg(ndas[i].CountryCode ?? "?"));
        }
    }
}

public sealed class R009ExecutingEntities : Rule
{
    public override string Id => "R-009";
    public override Severity Severity => Severity.Warning;
    public override string Source => "Tool (A.20 executing entities)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var entities = context.Proposal.Applicant.ExecutingEntities;
        if (entities.Count == 0)
            yield break;
        for (var i = 0; i < entities.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entities[i].Role))
                yield return Found(context, "Role", $"$.applicant.executingEntities[{i}].role", entities[i].Name ?? $"#{i + 1}");
            if (entities[i].BudgetSharePercent is null)
                yield return Found(context, "Share", $"$.applicant.executingEntities[{i}].budgetSharePercent", entities[i].Name ?? $"#{i + 1}");
        }
        var shares = entities.Where(e => e.BudgetSharePercent is not null).Sum(e => e.BudgetSharePercent!.Value);
        if (entities.All(e => e.BudgetSharePercent is not null) && Math.Abs(shares - 100m) > 0.01m)
            yield return Found(context, "Sum", "$.applicant.executingEntities", new PercentArg(shares));
    }
}

public sealed class R010SizeCategory : Rule
{
    public override string Id => "R-010";
    public override IReadOnlyList<Route> Routes => ProjectRoutes;
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF decision B.10/17 size categories";
    public override TemplateSection Section => TemplateSection.Summary;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Proposal.Basics.DeclaredSizeCategory is { } declared && context.Figures.SizeCategory is { } computed && declared != computed)
            yield return Found(context, null, "$.basics.declaredSizeCategory", declared, computed, new MoneyArg(context.Figures.TotalFinancingUsd!.Value, "USD"));
    }
}

public sealed class R011Focus : Rule
{
    public override string Id => "R-011";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF CN template V.1 A.9; tool logic";
    public override TemplateSection Section => TemplateSection.Summary;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.ImpactPotential;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var areas = context.Proposal.Basics.ResultAreas.Select(a => a.Area).ToList();
        if (context.Proposal.Basics.Focus is not { } focus || areas.Count == 0)
            yield break;
        var mitigation = areas.Any(a => a <= ResultArea.M4);
        var adaptation = areas.Any(a => a >= ResultArea.A1);
        var expected = mitigation && adaptation ? Focus.CrossCutting : mitigation ? Focus.Mitigation : Focus.Adaptation;
        if (focus != expected)
            yield return Found(context, null, ["$.basics.focus", "$.basics.resultAreas"], focus, expected);
    }
}

public sealed class R012ResultAreaShares : Rule
{
    public override string Id => "R-012";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP template A.4 (share of GCF amount per result area)";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var shares = context.Proposal.Basics.ResultAreas.Where(a => a.SharePercent is not null).ToList();
        if (shares.Count == 0)
            yield break;
        var sum = shares.Sum(a => a.SharePercent!.Value);
        if (Math.Abs(sum - 100m) > 0.01m)
            yield return Found(context, null, "$.basics.resultAreas", new PercentArg(sum));
    }
}

public sealed class R013Flags : Rule
{
    public override string Id => "R-013";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF CN template V.1 A.2, A.10";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        if (string.IsNullOrWhiteSpace(b.Title))
            yield break;
        if (b.Kind is null)
            yield return Found(context, "Kind", "$.basics.kind");
        if (b.Sector is null)
            yield return Found(context, "Sector", "$.basics.sector");
    }
}

public sealed class R014SapCeiling : Rule
{
    public override string Id => "R-014";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF SAP decisions: B.18/06 (pilot, USD 10 million) and B.32/05 (USD 25 million); greenclimate.fund/projects/sap";
    public override TemplateSection Section => TemplateSection.Financing;
    public override IReadOnlyList<Route> Routes => [Route.Sap];

    /// The SAP ceiling of the template version checked (the wizard's SAP panel shows this one).
    public decimal Ceiling(RuleContext context) => context.Param(this, "maxGcfUsd", 25_000_000m);

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var ceiling = Ceiling(context);
        if (context.Figures.GcfRequestUsd is { } gcf && gcf > ceiling)
            yield return Found(context, null, "$.financing.gcfInstruments", new MoneyArg(gcf, "USD"), new MoneyArg(ceiling, "USD"));
    }
}

public sealed class R015SapCategory : Rule
{
    public override string Id => "R-015";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF SAP decisions: B.18/06 (pilot: minimal to none E&S risk) and B.32/05 (minimal E&S risk)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;
    public override IReadOnlyList<Route> Routes => [Route.Sap];

    /// The categories a SAP may have: minimal or no environmental and social risk.
    public static IReadOnlyList<EssCategory> Allowed { get; } = [EssCategory.C, EssCategory.I3];

    /// What excludes a project from the SAP whatever its category (SAP guidelines and ESS
    /// screening guideline): each is an error on this route, never advice.
    public static IReadOnlyList<(string Field, Func<EssScreening, bool?> Answer)> Exclusions { get; } =
    [
        ("landAcquisitionOrResettlement", s => s.LandAcquisitionOrResettlement),
        ("economicDisplacement", s => s.EconomicDisplacement),
        ("indigenousPeoplesPresent", s => s.IndigenousPeoplesPresent),
        ("criticalHabitatOrProtectedArea", s => s.CriticalHabitatOrProtectedArea),
        ("culturalHeritage", s => s.CulturalHeritage),
        ("transboundaryImpacts", s => s.TransboundaryImpacts),
        ("significantWaste", s => s.SignificantWaste),
        ("communityHealthImpacts", s => s.CommunityHealthImpacts),
        ("irreversibleImpacts", s => s.IrreversibleImpacts),
    ];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Proposal.Safeguards.Category is { } category && !Allowed.Contains(category))
            yield return Found(context, null, "$.safeguards.category", category);
        var screening = context.Proposal.Safeguards.Screening;
        var excluded = Exclusions.Where(e => e.Answer(screening) == true).Select(e => e.Field).ToList();
        if (excluded.Count > 0)
            yield return Found(context, "Exclusion", excluded.Select(f => $"$.safeguards.screening.{f}").ToList(),
                new FieldsArg(excluded.Select(f => $"safeguards.screening.{f}").ToList()));
    }
}

public sealed class R016SapLength : DocumentLengthRule
{
    public override string Id => "R-016";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF SAP funding proposal: at most 20 pages or 10,000 words";
    public override TemplateSection Section => TemplateSection.ProjectInformation;
    public override IReadOnlyList<Route> Routes => [Route.Sap];

    public override DocumentLimits Limits(RuleContext context) =>
        new((int)context.Param(this, "maxPages", 20), (int)context.Param(this, "maxWords", 10_000));

    /// Either limit is enough: a SAP may be long in pages if short in words, and the reverse.
    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var limits = Limits(context);
        int maxPages = limits.Pages!.Value, maxWords = limits.Words!.Value;
        if (context.Length is { } measured)
        {
            if (measured.Pages > maxPages && measured.Words > maxWords)
                yield return Found(context, "Measured", "$.narratives", measured.Pages, measured.Words, maxPages, maxWords, measured.Pages - maxPages, measured.Words - maxWords);
            yield break;
        }
        var words = NarrativeWords.Count(context.Proposal);
        if (words > maxWords && PageEstimate.Pages(this, context) > maxPages)
            yield return Found(context, null, "$.narratives", words, maxWords, maxPages);
    }
}

/// Pages of a proposal estimated from its answers, while no document exists: narrative words at
/// the template's density plus table rows, parameters in the settings file. The messages say it
/// is an estimate; a package's report uses the pages really generated instead.
internal static class PageEstimate
{
    public static int Pages(Rule rule, RuleContext context)
    {
        var p = context.Proposal;
        var rows = p.Budget.Lines.Count + p.Results.Indicators.Count + p.Risks.Count + p.Financing.CoFinancing.Count + p.Financing.GcfInstruments.Count
            + p.Components.Sum(c => 1 + c.Outputs.Sum(o => 1 + o.Activities.Count));
        var pages = NarrativeWords.Count(p) / WordsPerPage(rule, context) + rows / context.Param(rule, "tableRowsPerPage", 35);
        // The location map, where the template draws one (section A of the FP and the SAP): a
        // figure of about half a page that seldom fits under the table before it.
        if (context.Param(rule, "mapPages", 0) is > 0 and var map && !Geography.MapContent.Of(p).IsEmpty)
            pages += map;
        return (int)Math.Ceiling(pages + context.Param(rule, "fixedPages", 0));
    }

    public static decimal WordsPerPage(Rule rule, RuleContext context) => context.Param(rule, "wordsPerPage", 500);
}

/// A page limit (R-017, R-018): on the measured document, how many pages too many; before,
/// the estimate.
public abstract class PageLimitRule : DocumentLengthRule
{
    protected abstract int DefaultMaxPages { get; }

    public override DocumentLimits Limits(RuleContext context) => new((int)context.Param(this, "maxPages", DefaultMaxPages), null);

    protected IEnumerable<Finding> PageFindings(RuleContext context)
    {
        var max = Limits(context).Pages!.Value;
        if (context.Length is { } measured)
        {
            if (measured.Pages > max)
                yield return Found(context, "Measured", "$.narratives", measured.Pages, max, measured.Pages - max);
        }
        else if (PageEstimate.Pages(this, context) is var pages && pages > max)
        {
            yield return Found(context, null, "$.narratives", pages, max);
        }
    }
}

public sealed class R017FundingProposalPages : PageLimitRule
{
    public override string Id => "R-017";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template V.2.1/V.3.0: at most 60 pages excluding annexes";
    public override TemplateSection Section => TemplateSection.ProjectInformation;
    public override IReadOnlyList<Route> Routes => [Route.FundingProposal];
    protected override int DefaultMaxPages => 60;

    public override IEnumerable<Finding> Evaluate(RuleContext context) => PageFindings(context);
}

public sealed class R018ConceptNotePages : PageLimitRule
{
    public override string Id => "R-018";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF CN template V.2.2: at most 12 pages excluding annexes; summary at most 1 page";
    public override TemplateSection Section => TemplateSection.ProjectInformation;
    public override IReadOnlyList<Route> Routes => [Route.ConceptNote];
    protected override int DefaultMaxPages => 12;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        foreach (var finding in PageFindings(context))
            yield return finding;
        // The summary's page is a whole page of text: its words, not the estimate's density.
        var summaryMax = context.Param(this, "summaryWords", 500);
        var summaryWords = NarrativeWords.Of(context.Proposal.Narratives.ExecutiveSummary);
        if (summaryWords > summaryMax)
            yield return Found(context, "Summary", "$.narratives.executiveSummary", summaryWords, Math.Round(summaryMax));
    }
}

public sealed class R019Programme : Rule
{
    public override string Id => "R-019";
    public override Severity Severity => Severity.Warning;
    public override string Source => "Tool; GCF ESS (ESMF for programmes)";
    public override TemplateSection Section => TemplateSection.PoliciesAndStandards;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        if (p.Basics.Kind == ProjectKind.Programme && p.Basics.SubProjectsToBeIdentified == true
            && !p.Annexes.Any(a => a.Type == AnnexType.EnvironmentalSocialAssessment))
            yield return Found(context, null, ["$.basics.subProjectsToBeIdentified", "$.annexes"]);
    }
}

/// A site's coordinates put it in the country it belongs to (its own country, else one of the
/// project's), and a map file's places lie in the project's countries: a swapped latitude and longitude or a lost minus sign moves a site hundreds of
/// kilometres, and the map and the documents would show it there. Checked against the bundled
/// Natural Earth boundaries with a tolerance for their generalised coasts (Geography/WorldAtlas);
/// a country the atlas does not draw (Tuvalu) is not checked.
public sealed class R081SitesInCountry : Rule
{
    public override string Id => "R-081";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template A and B.3 (project location); coordinates in WGS 84 as GPS, GeoJSON and KML give them";
    public override TemplateSection Section => TemplateSection.Summary;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var b = context.Proposal.Basics;
        var declared = b.Countries.Select(c => c.Code).ToList();
        var sites = b.Locations.Select((l, i) => (l.Name, l.CountryCode, l.Latitude, l.Longitude, Path: $"$.basics.locations[{i}]"))
            .Concat(b.LocalGovernments.Select((l, i) => (l.Name, l.CountryCode, l.Latitude, l.Longitude, Path: $"$.basics.localGovernments[{i}]")));
        var atlas = Geography.WorldAtlas.Instance;
        foreach (var (name, code, latitude, longitude, path) in sites)
        {
            if (latitude is not { } lat || longitude is not { } lon)
                continue;
            var candidates = (code is not null ? [code] : declared).Where(atlas.Knows).ToList();
            if (candidates.Count == 0)
                continue;
            var point = new Geography.LonLat((double)lon, (double)lat);
            if (candidates.Any(c => atlas.Holds(c, point)))
                continue;
            var label = string.IsNullOrWhiteSpace(name) ? path[2..] : name;
            var country = new CountryArg(candidates[0]);
            var swapped = new Geography.LonLat((double)lat, (double)lon);
            yield return Math.Abs(lat) <= 90 && Math.Abs(lon) <= 90 && candidates.Any(c => atlas.Holds(c, swapped))
                ? Found(context, "Swapped", [path + ".latitude", path + ".longitude"], label, country)
                : Found(context, null, [path + ".latitude", path + ".longitude"], label, country,
                    (int)Math.Round(candidates.Min(c => atlas.Find(c).Min(shape => shape.DistanceTo(point))) * 111.32));
        }

        // A map file's places (one per feature, kept at upload) in none of the project's countries.
        var countries = declared.Where(atlas.Knows).ToList();
        if (countries.Count == 0)
            yield break;
        var annexes = context.Proposal.Annexes;
        for (var i = 0; i < annexes.Count; i++)
        {
            for (var j = 0; j < annexes[i].Files.Count; j++)
            {
                var file = annexes[i].Files[j];
                var outside = file.Places.Count(p => !countries.Any(c => atlas.Holds(c, new Geography.LonLat((double)p.Longitude, (double)p.Latitude))));
                if (outside == 0)
                    continue;
                var path = $"$.annexes[{i}].files[{j}]";
                yield return countries.Count == 1
                    ? Found(context, "File", path, file.Name, annexes[i].Number, outside, file.Places.Count, new CountryArg(countries[0]))
                    : Found(context, "FileCountries", path, file.Name, annexes[i].Number, outside, file.Places.Count);
            }
        }
    }
}
