using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Rules;

/// How local programmes pass the money on (issue 14, point 8): on-granting needs the accredited
/// entity's grant-award standard, on-lending says to whom and on what terms, the
/// documents say it under the GCF table; "not required" is an ESIA/ESMP answer the category may
/// or may not allow; a null where the file format says "not answered" is read.
public sealed class FinancingStructureTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    private static List<Finding> Of(Proposal proposal, string rule) => Validation.Validate(proposal).Findings.Where(f => f.RuleId == rule).ToList();

    private static Proposal OnGranted(params FiduciaryStandard[] standards)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Applicant.AccreditedEntity.Scope.FiduciaryStandards = [.. standards];
        var grant = proposal.Financing.GcfInstruments.First(g => g.Instrument == FinancialInstrument.Grant);
        grant.Channel = OnwardChannel.OnGranting;
        grant.Recipients = "25 communes";
        grant.PerformanceBased = true;
        return proposal;
    }

    [Fact]
    public void OnGranting_WithoutTheGrantAwardStandard_IsAnError()
    {
        var finding = Assert.Single(Of(OnGranted(FiduciaryStandard.Basic, FiduciaryStandard.ProjectManagement, FiduciaryStandard.OnLendingBlending), "R-005"));

        Assert.Equal("R-005.OnGranting", finding.MessageKey);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.EndsWith(".channel", finding.Paths[0], StringComparison.Ordinal);
        Assert.Contains("“Grant award and funding allocation”", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        Assert.Contains("«\u00a0Attribution de dons et allocation de fonds\u00a0»", RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void OnGranting_WithTheGrantAwardStandard_Passes() =>
        Assert.Empty(Of(OnGranted(FiduciaryStandard.Basic, FiduciaryStandard.ProjectManagement, FiduciaryStandard.GrantAward, FiduciaryStandard.OnLendingBlending), "R-005"));

    [Fact]
    public void OnGranting_IsSaidUnderTheGcfTable_InBothLanguages()
    {
        var proposal = OnGranted(FiduciaryStandard.GrantAward, FiduciaryStandard.OnLendingBlending);
        proposal.Financing.GcfInstruments.First(g => g.Channel == OnwardChannel.OnGranting).Intermediary = "FNEC";

        foreach (var (language, expected) in new[] { (Language.En, "Granted on to 25 communes through FNEC, as grants released against each recipient's performance."), (Language.Fr, "Rétrocédé en subventions à\u00a0: 25 communes, par l’intermédiaire de FNEC, sous forme de dotations versées selon la performance de chaque bénéficiaire.") })
        {
            proposal.Language = language;
            var model = DocumentModel.For(proposal, Validation.Validate(proposal));
            var rows = (List<object>)((Dictionary<string, object?>)model["financing"]!)["gcf_instruments"]!;
            Assert.Contains(rows, r => (string?)((Dictionary<string, object?>)r)["onward"] == expected);
            Assert.Contains(rows, r => (string?)((Dictionary<string, object?>)r)["onward"] == ""); // the loan the project spends itself
        }
    }

    [Fact]
    public void OnLending_WithoutSubBorrowersOrTerms_IsAsked_ThenPasses()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var loan = proposal.Financing.GcfInstruments.First(g => g.Instrument == FinancialInstrument.SeniorLoan);
        loan.Channel = OnwardChannel.OnLending;
        loan.Intermediary = "Ghana Infrastructure Investment Fund";

        var asked = Assert.Single(Of(proposal, "R-032"));
        Assert.Equal(("R-032.OnLending", Severity.Warning), (asked.MessageKey, asked.Severity));

        loan.Recipients = "municipal assemblies of the Northern Region";
        loan.OnLendingTenorYears = 15;
        loan.OnLendingGracePeriodYears = 3;
        loan.OnLendingRatePercent = 2.5m;
        Assert.Empty(Of(proposal, "R-032"));

        loan.OnLendingGracePeriodYears = 15;
        Assert.Equal("R-032.Tenor", Assert.Single(Of(proposal, "R-032")).MessageKey);
    }

    [Theory]
    [InlineData(EssCategory.C, DocumentStatus.NotRequired, DocumentStatus.NotRequired, null)]
    [InlineData(EssCategory.B, DocumentStatus.NotRequired, DocumentStatus.Final, null)]
    [InlineData(EssCategory.B, DocumentStatus.NotRequired, DocumentStatus.NotRequired, "R-063.NotRequired")]
    [InlineData(EssCategory.B, DocumentStatus.Draft, DocumentStatus.NotStarted, "R-063.Documents")]
    [InlineData(EssCategory.A, DocumentStatus.Final, DocumentStatus.NotRequired, "R-062.NotRequired")]
    public void NotRequired_IsAnAnswerOnlyWhereTheCategoryAllowsIt(EssCategory category, DocumentStatus esia, DocumentStatus esmp, string? expected)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        proposal.Safeguards.Category = category;
        proposal.Safeguards.EsiaStatus = esia;
        proposal.Safeguards.EsmpStatus = esmp;

        var keys = Validation.Validate(proposal).Findings.Where(f => f.MessageKey.EndsWith(".Documents", StringComparison.Ordinal) || f.MessageKey.EndsWith(".NotRequired", StringComparison.Ordinal)).Select(f => f.MessageKey).ToList();

        if (expected is null)
            Assert.Empty(keys);
        else
            Assert.Equal([expected], keys);
    }

    [Fact]
    public void NullStatus_MeansNotAnswered_AsTheFileFormatSays_WhileARequiredChoiceStillRefusesIt()
    {
        var json = JsonNode.Parse(Samples.Read(RuleCases.M))!;
        json["safeguards"]!["esiaStatus"] = null;
        json["safeguards"]!["esmpStatus"] = null;

        var read = new ProposalReader().Read(Encoding.UTF8.GetBytes(json.ToJsonString()), CultureInfo.InvariantCulture);

        Assert.Empty(read.Errors);
        Assert.Equal((DocumentStatus.NotStarted, DocumentStatus.NotStarted), (read.Proposal!.Safeguards.EsiaStatus, read.Proposal.Safeguards.EsmpStatus));

        json["financing"]!["gcfInstruments"]![0]!["instrument"] = null;
        var refused = new ProposalReader().Read(Encoding.UTF8.GetBytes(json.ToJsonString()), CultureInfo.InvariantCulture);
        Assert.Contains(refused.Errors, e => e.Path == "$.financing.gcfInstruments[0].instrument");
    }

    [Fact]
    public void Schema_PublishesNull_ForAChoiceThatReadsItAsNotAnswered()
    {
        var schema = ProposalSchema.Build();
        var esia = FindProperty(schema, "esiaStatus");
        Assert.Contains(esia!["enum"]!.AsArray(), v => v is null);
        Assert.Contains(esia["enum"]!.AsArray(), v => v?.GetValue<string>() == "notRequired");
    }

    private static JsonNode? FindProperty(JsonNode node, string name) => node switch
    {
        JsonObject o when o["properties"]?[name] is { } found => found,
        JsonObject o => o.Select(p => p.Value is null ? null : FindProperty(p.Value, name)).FirstOrDefault(n => n is not null),
        JsonArray a => a.Select(i => i is null ? null : FindProperty(i, name)).FirstOrDefault(n => n is not null),
        _ => null,
    };
}
