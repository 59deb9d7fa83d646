using System.Net;
using System.Xml.Linq;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Organisation;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// What an organisation may record as its IATI organisation identifier.
public sealed class IatiIdentifierTests
{
    [Theory]
    [InlineData("XM-DAC-41114", "XM-DAC-41114")]
    [InlineData("  GB-COH-01234567 ", "GB-COH-01234567")]
    [InlineData("SN-NINEA-005046286", "SN-NINEA-005046286")]
    [InlineData("", null)]
    public void AnIdentifierOfIatisShape_IsAccepted(string typed, string? stored) =>
        Assert.Equal((stored, (string?)null), IatiIdentifier.Read(typed));

    [Theory]
    [InlineData("xm-dac-41114")]
    [InlineData("XM DAC 41114")]
    [InlineData("XM-DAC-")]
    [InlineData("41114")]
    [InlineData("XM-DAC-<b>1</b>")]
    [InlineData("XM-DAC-11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111")]
    public void AnythingElse_IsRefused(string typed) =>
        Assert.Equal((null, "IatiIdentifierInvalid"), IatiIdentifier.Read(typed));

}

/// An organisation administrator records the identifier the organisation registered for IATI:
/// its published actions are then reported under it, each naming the platform's identifier it had
/// before; a malformed identifier is refused with the reason and nothing changes.
public sealed class IatiIdentifierPublishingTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task ARecordedIdentifier_ReportsThePublishedActionsUnderIt_AndKeepsTheirPreviousIdentifier()
    {
        var org = await app.CreateOrganisationAsync("Tamale", OrganisationKind.Municipality);
        await app.CreateUserAsync("admin@tamale.test", org, MemberRole.OrganisationAdmin);
        var action = app.PublishDirectly(new CatalogueAction { Title = "Markets of Tamale", Summary = "x", CountryCode = "GH" }, "Tamale", org);
        using var admin = await app.SignedInClientAsync("admin@tamale.test");
        var before = await admin.GetAsync($"/actions/{action}/iati.xml");
        var platformIdentifier = XDocument.Parse(await before.Content.ReadAsStringAsync()).Root!.Element("iati-activity")!.Element("iati-identifier")!.Value;

        var refused = await Wizard.WizardPage.ReadAsync(await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Iati", ("iatiIdentifier", "tamale 41114")));
        Assert.Contains("capitals, digits and hyphens", refused.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("tamale 41114", refused.Get("#iati-identifier").GetAttribute("value"));
        using (var db = app.OpenDb())
            Assert.Null((await db.Organisations.SingleAsync(o => o.Id == org)).IatiIdentifier);

        var saved = await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Iati", ("iatiIdentifier", "GH-RGD-CS123456789"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var xml = await (await admin.GetAsync($"/actions/{action}/iati.xml")).Content.ReadAsStringAsync();
        Assert.Empty(IatiSchema.Problems(xml));
        var activity = XDocument.Parse(xml).Root!.Element("iati-activity")!;
        Assert.Equal("GH-RGD-CS123456789-FB-" + action.ToString("N"), activity.Element("iati-identifier")!.Value);
        Assert.Equal("GH-RGD-CS123456789", (string)activity.Element("reporting-org")!.Attribute("ref")!);
        var previous = activity.Elements("other-identifier").Single(o => (string?)o.Attribute("type") == "A3");
        Assert.Equal(platformIdentifier, (string)previous.Attribute("ref")!);
        // Re-dated, so that caches and the feed of changes carry the new identifier.
        Assert.NotEqual(before.Headers.ETag, (await admin.GetAsync($"/actions/{action}/iati.xml")).Headers.ETag);
        Assert.Contains("GH-RGD-CS123456789", (await admin.OpenAsync("/organisation")).Get("#iati-identifier").GetAttribute("value"), StringComparison.Ordinal);

        // Cleared: back to the platform's identifier, with no previous one to name.
        await admin.PostWithTokenAsync("/organisation", "/organisation?handler=Iati", ("iatiIdentifier", ""));
        var back = XDocument.Parse(await (await admin.GetAsync($"/actions/{action}/iati.xml")).Content.ReadAsStringAsync()).Root!.Element("iati-activity")!;
        Assert.Equal(platformIdentifier, back.Element("iati-identifier")!.Value);
        Assert.DoesNotContain(back.Elements("other-identifier"), o => (string?)o.Attribute("type") == "A3");
    }
}
