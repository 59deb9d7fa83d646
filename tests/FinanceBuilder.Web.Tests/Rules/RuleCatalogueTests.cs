using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Rules;

/// One passing and one failing case per rule id (style.md §14), run through the same service
/// as the API and the command line.
[Trait("Database", "None")]
public sealed class RuleCatalogueTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    public static TheoryData<string> RuleIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalogue.All)
                data.Add(rule.Id);
            return data;
        }
    }

    private static List<Finding> Open(Proposal proposal, Route route, string ruleId) =>
        Validation.Validate(proposal, route).Findings.Where(f => f.RuleId == ruleId && f.Acknowledged is null).ToList();

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_FindsTheBrokenCase(string ruleId)
    {
        Assert.True(RuleCases.All.TryGetValue(ruleId, out var c), $"{ruleId} has no test case in RuleCases");
        var proposal = RuleCases.Load(c.Sample);
        c.Break(proposal);

        var findings = Open(proposal, c.Route, ruleId);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.All(f.Paths, p => Assert.StartsWith("$", p, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_IsQuietOnTheSatisfiedCase(string ruleId)
    {
        var c = RuleCases.All[ruleId];
        var proposal = RuleCases.Load(c.Sample);
        c.Satisfy?.Invoke(proposal);

        Assert.Empty(Open(proposal, c.Route, ruleId));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_HasItsMessagesInEnglishAndFrench(string ruleId)
    {
        var c = RuleCases.All[ruleId];
        var proposal = RuleCases.Load(c.Sample);
        c.Break(proposal);

        foreach (var finding in Open(proposal, c.Route, ruleId))
        {
            var english = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en"));
            var french = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr"));
            Assert.True(RuleMessages.HasFrench(finding.MessageKey), $"{finding.MessageKey} has no French text");
            Assert.NotEqual(english, french);
            Assert.DoesNotContain("{", english, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryRule_HasSourceAndUniqueId()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalogue.All, r =>
        {
            Assert.Matches(@"^R-\d{3}$", r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
        });
    }

    /// The samples are consistent: on their own route they have no error and no open warning.
    [Theory]
    [InlineData(RuleCases.M)]
    [InlineData(RuleCases.A)]
    [InlineData(RuleCases.X)]
    [InlineData(RuleCases.P)]
    public void Samples_HaveNoErrorsOrOpenWarnings(string sample)
    {
        var report = Validation.Validate(RuleCases.Load(sample));

        Assert.Empty(report.Findings.Where(f => f.Severity == Severity.Error || (f.Severity == Severity.Warning && f.Acknowledged is null))
            .Select(f => $"{f.RuleId} {string.Join(",", f.Paths)}"));
        // A criterion the route asks nothing about (a PPF request and the paradigm shift) is not applicable.
        Assert.All(report.Criteria, c => Assert.Equal(c.Required == 0 ? ReadinessStatus.NotApplicable : ReadinessStatus.Ready, c.Status));
    }

    /// A copy of a sample with planted inconsistencies gets exactly the matching rule ids,
    /// in English and in French (issue 3, "How it will be checked").
    [Fact]
    public void PlantedInconsistencies_GetExactlyTheMatchingRules()
    {
        var proposal = RuleCases.Load(RuleCases.A);
        proposal.Target.TemplateVersion = "GCF-SAP-FP-2022";                                               // written as a SAP
        proposal.Budget.Lines[0].Amount = new Money { Amount = proposal.Budget.Lines[0].Amount.Amount + 250_000, Currency = "USD" };  // totals don't reconcile
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = 3_000_000, Currency = "USD" } }); // SAP over the ceiling
        proposal.Gender.ActionPlan.Clear();                                                                 // no gender action plan
        proposal.Results.Indicators[0].BaselineValue = null;                                                // indicator without baseline
        proposal.AdaptationMeasures[0].Beneficiaries.Direct.Female = 5_000_000;                            // beneficiaries above population
        proposal.Safeguards.Category = EssCategory.C;                                                      // (SAP needs C)
        proposal.Safeguards.Screening = new EssScreening { Notes = "Screening record: minor works only." };
        proposal.Annexes.Add(new Annex { Number = "18", Type = AnnexType.EnvironmentalSocialAssessment, Title = "ESAP", Status = DocumentStatus.Final, Confidential = false });
        proposal.Safeguards.EsiaStatus = DocumentStatus.NotStarted;

        var report = Validation.Validate(proposal, Route.Sap);
        var ids = report.Findings.Where(f => f.Severity == Severity.Error || (f.Severity == Severity.Warning && f.Acknowledged is null))
            .Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

        // R-077: the summary still says "24,0 millions USD de don du FVC" beside a GCF request of 27 million.
        Assert.Equal(["R-014", "R-024", "R-027", "R-043", "R-045", "R-065", "R-077"], ids);
        var french = report.Lines(CultureInfo.GetCultureInfo("fr")).Where(l => l.StartsWith("R-014", StringComparison.Ordinal)).Single();
        var space = CultureInfo.GetCultureInfo("fr").NumberFormat.NumberGroupSeparator;
        Assert.Contains($"dépasse le plafond de la procédure SAP de 25{space}000{space}000\u00A0USD", french, StringComparison.Ordinal);
        var english = report.Lines(CultureInfo.GetCultureInfo("en")).Where(l => l.StartsWith("R-024", StringComparison.Ordinal)).First();
        Assert.Contains("Budget lines add up to USD 40,250,000 but total financing is USD 43,000,000", english, StringComparison.Ordinal);
    }

    /// Parameters follow the template version: the SAP pilot template capped GCF funding at
    /// USD 10 million, the current SAP at 25 million (gcf-reference §4.2).
    [Fact]
    public void Parameters_FollowTheTemplateVersion()
    {
        var current = RuleCases.Load(RuleCases.A); // GCF request USD 24 million
        var pilot = RuleCases.Load(RuleCases.A);
        pilot.Target.TemplateVersion = "GCF-SAP-PILOT";
        current.Target.TemplateVersion = "GCF-FP-V3.0";

        Assert.DoesNotContain(Validation.Validate(current, Route.Sap).Findings, f => f.RuleId == "R-014");
        var r014 = Assert.Single(Validation.Validate(pilot, Route.Sap).Findings, f => f.RuleId == "R-014");
        Assert.Contains("USD 10,000,000", RuleMessages.Render(r014, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Equal("GCF-SAP-PILOT", Validation.Validate(pilot, Route.Sap).TemplateVersion);
    }

    /// Half-filled proposals are the normal case: nothing throws, missing data is completeness.
    [Fact]
    public void EmptyAndHostileProposals_NeverThrow()
    {
        var empty = new Proposal();
        var hostile = RuleCases.Load(RuleCases.M);
        hostile.Financing.ExchangeRates.Add(new ExchangeRate { From = "EUR", To = "USD", Rate = 0 });
        hostile.Basics.ImplementationEnd = hostile.Basics.ImplementationStart!.Value.AddYears(-3);
        hostile.Basics.LifespanYears = 0;
        for (var i = 0; i < 10_000; i++)
            hostile.Budget.Lines.Add(new BudgetLine { Source = FundingSourceKind.Gcf, Amount = new Money { Amount = 0, Currency = "USD" } });

        foreach (var route in Enum.GetValues<Route>())
        {
            var report = Validation.Validate(empty, route);
            Assert.All(report.Criteria, c => Assert.Contains(c.Status, new[] { ReadinessStatus.NotStarted, ReadinessStatus.NotApplicable }));
            Assert.Contains(report.Criteria, c => c.Status == ReadinessStatus.NotStarted);
            Validation.Validate(hostile, route);
        }
    }
}
