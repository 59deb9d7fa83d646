using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Proposals;

/// The AE's kind and access modality are one answer: a file may give either (the other
/// follows) or both when they agree; two that disagree are an input error that says why.
public sealed class AccessModalityImportTests
{
    private const string Both = "\"kind\": \"internationalAccess\",\n      \"accessModality\": \"international\",";

    private static ProposalReadResult Read(string replacement, string language = "en")
    {
        var json = Samples.ReadText("mitigation-tamale-solar-led.json");
        Assert.Contains(Both, json, StringComparison.Ordinal);
        return new ProposalReader().Read(Encoding.UTF8.GetBytes(json.Replace(Both, replacement, StringComparison.Ordinal)), CultureInfo.GetCultureInfo(language));
    }

    [Fact]
    public void BothAgreeing_IsRead() =>
        Assert.Equal(AccessModality.International, Read(Both).Proposal!.Applicant.AccreditedEntity.AccessModality);

    [Fact]
    public void KindOnly_GivesTheModality()
    {
        var ae = Read("\"kind\": \"regionalDirectAccess\",").Proposal!.Applicant.AccreditedEntity;
        Assert.Equal(AccreditedEntityKind.RegionalDirectAccess, ae.Kind);
        Assert.Equal(AccessModality.Direct, ae.AccessModality);
    }

    [Fact]
    public void InternationalModalityOnly_GivesTheKind()
    {
        var ae = Read("\"accessModality\": \"international\",").Proposal!.Applicant.AccreditedEntity;
        Assert.Equal(AccreditedEntityKind.InternationalAccess, ae.Kind);
    }

    [Fact]
    public void DirectModalityOnly_KeepsTheKindOpen()
    {
        // National or regional: the file does not say which, so the question stays open.
        var ae = Read("\"accessModality\": \"direct\",").Proposal!.Applicant.AccreditedEntity;
        Assert.Null(ae.Kind);
        Assert.Equal(AccessModality.Direct, ae.AccessModality);
    }

    [Theory]
    [InlineData("en", "$.applicant.accreditedEntity.accessModality: \"direct\" does not go with the accredited entity's kind \"internationalAccess\"")]
    [InlineData("fr", "$.applicant.accreditedEntity.accessModality\u00a0: «\u00a0direct\u00a0» ne correspond pas au type d’entité accréditée «\u00a0internationalAccess\u00a0»")]
    public void Disagreeing_IsRefused_WithAMessageThatSaysWhy(string language, string start)
    {
        var result = Read("\"kind\": \"internationalAccess\",\n      \"accessModality\": \"direct\",", language);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.applicant.accreditedEntity.accessModality", error.Path);
        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
    }
}
