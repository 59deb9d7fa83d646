using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// An action goes public only when an editor publishes it, as the revision they saw; the public
/// reads it without signing in; withdrawing leaves 410 Gone; nobody outside the organisation
/// touches its working record.
public sealed class PublishingTests : IClassFixture<CatalogueApp>, IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app;
    private readonly WizardBrowser browser;

    public PublishingTests(CatalogueApp shared)
    {
        app = shared.App;
        browser = new WizardBrowser(app);
    }

    public void Dispose() => browser.Dispose();

    [Fact]
    public async Task AnActionFromAProposal_IsPrivateUntilPublished_ThenPublicWithoutSigningIn_AndGoneOnceWithdrawn()
    {
        var proposal = await browser.SeedSampleAsync(Sample);
        var id = await browser.NewActionAsync(proposal);
        using var reader = app.CreateBrowserClient();

        // Prepared, with the proposal's title, and private.
        var edit = await browser.OpenAsync($"/catalogue/{id}/edit");
        Assert.Contains("Tamale", edit.FieldValue("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/actions/{id}")).StatusCode);

        // The publish page shows the public page itself before anything is public.
        var preview = await browser.OpenAsync($"/catalogue/{id}/publish");
        Assert.Contains("Tamale", preview.Get(".catalogue-preview h1").TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(id)).StatusCode);
        var page = await reader.GetAsync($"/actions/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Tamale", html, StringComparison.Ordinal);
        Assert.NotNull(page.Headers.ETag);
        Assert.NotNull(page.Content.Headers.LastModified);

        // The same version again: 304, no body.
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/actions/{id}");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);
        // Caches may keep it but must ask again each time: a withdrawal shows at once.
        Assert.Equal("public, no-cache", page.Headers.CacheControl!.ToString());
        var api = await reader.GetAsync($"/api/public/actions/{id}");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("public, no-cache", api.Headers.CacheControl!.ToString());
        Assert.NotNull(api.Headers.ETag);

        // Found by the search, without signing in.
        var search = await reader.GetStringAsync("/actions?q=tamale");
        Assert.Contains($"/actions/{id}", search, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(id, withdraw: true)).StatusCode);
        var gone = await reader.GetAsync($"/actions/{id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.DoesNotContain("Tamale", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain($"/actions/{id}", await reader.GetStringAsync("/actions?q=tamale"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync($"/api/public/actions/{id}")).StatusCode);

        using var db = app.OpenDb();
        var log = await db.ActionPublications.Where(l => l.ActionId == id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(["published", "withdrawn"], log.Select(l => l.Kind));
        Assert.Contains("title", log[0].Fields.Split(';'));
    }

    [Fact]
    public async Task AnEditAfterPublishing_StaysPrivate_UntilPublishedAgain()
    {
        var id = await browser.NewActionAsync(await browser.SeedSampleAsync(Sample));
        await browser.PublishActionAsync(id);

        var saved = await browser.EditActionAsync(id, form => form.Set("title", "A title not yet public"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var reader = app.CreateBrowserClient();
        Assert.DoesNotContain("A title not yet public", await reader.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
        Assert.Contains("publish again", (await browser.OpenAsync($"/catalogue/{id}/publish")).Text, StringComparison.Ordinal);

        await browser.PublishActionAsync(id);
        Assert.Contains("A title not yet public", await reader.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
    }

    /// What goes public is what the publisher previewed: a record saved by someone else after the
    /// preview was drawn is not published; the page shows the saved record to check.
    [Fact]
    public async Task ARecordSavedAfterThePreview_IsNotPublishedUnseen()
    {
        var id = await browser.NewActionAsync(await browser.SeedSampleAsync(Sample));
        var preview = await browser.OpenAsync($"/catalogue/{id}/publish");
        var form = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)preview.Get("form[action*='handler=Publish']"));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.EditActionAsync(id, f => f.Set("title", "A title saved meanwhile"))).StatusCode);
        var stale = await browser.PostAsync($"/catalogue/{id}/publish?handler=Publish", form);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await WizardPage.ReadAsync(stale);
        Assert.Contains("nothing was published", page.Text, StringComparison.Ordinal);
        Assert.Contains("A title saved meanwhile", page.Get(".catalogue-preview h1").TextContent, StringComparison.Ordinal);
        using var reader = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/actions/{id}")).StatusCode);

        // Published from the page that now shows it.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(id)).StatusCode);
        Assert.Contains("A title saved meanwhile", await reader.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormWithMistakes_IsShownAgainAsTyped_AndNothingIsSaved()
    {
        var id = await browser.NewActionAsync(await browser.SeedSampleAsync(Sample));
        var before = await StoredDocumentAsync(id);

        var response = await browser.EditActionAsync(id, form => form
            .Set("title", "Changed title")
            .Set("costAmount", "12 abc")
            .Set("plannedStart", "31/01/2027")
            .Set("fundedProjectUrl", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        Assert.Equal("Changed title", page.FieldValue("title"));
        Assert.Equal("12 abc", page.FieldValue("costAmount"));
        var summary = page.Get(".error-summary").TextContent;
        Assert.Contains("\"12 abc\" is not a number", summary, StringComparison.Ordinal);
        Assert.Contains("\"31/01/2027\" is not a date", summary, StringComparison.Ordinal);
        Assert.Contains("https://", summary, StringComparison.Ordinal);
        Assert.Equal(before, await StoredDocumentAsync(id));
    }

    /// The region is written as the communes are: its name, then its official code after a
    /// slash; a code that cannot be one is refused, the field shown again as typed.
    [Fact]
    public async Task TheRegionsCode_IsWrittenAfterASlash_AndABadOneIsRefused()
    {
        var id = await browser.NewActionAsync(await browser.SeedSampleAsync(Sample));

        Assert.Equal(HttpStatusCode.Redirect, (await browser.EditActionAsync(id, form => form.Set("area", " Northern Region / GH-NP "))).StatusCode);
        var stored = Web.Catalogue.ActionJson.FromStored(await StoredDocumentAsync(id));
        Assert.Equal(("Northern Region", "GH-NP"), (stored.AdministrativeArea, stored.AdministrativeAreaCode));
        Assert.Equal("Northern Region / GH-NP", (await browser.OpenAsync($"/catalogue/{id}/edit")).FieldValue("area"));

        var before = await StoredDocumentAsync(id);
        var refused = await browser.EditActionAsync(id, form => form.Set("area", "Northern Region / GH NP!"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await WizardPage.ReadAsync(refused);
        Assert.Equal("Northern Region / GH NP!", page.FieldValue("area"));
        Assert.Contains("“GH NP!” is not an official code", page.Get("#area-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredDocumentAsync(id));
    }

    [Fact]
    public async Task AnActionWithoutTitleSummaryOrCountry_CannotBePublished_AndThePageSaysWhy()
    {
        var id = await browser.NewActionAsync();
        var page = await browser.OpenAsync($"/catalogue/{id}/publish");
        Assert.Contains("Give the action a title.", page.Text, StringComparison.Ordinal);

        var response = await browser.PublishActionAsync(id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var db = app.OpenDb();
        Assert.False(await db.PublishedActions.AnyAsync(p => p.Id == id));
    }

    [Fact]
    public async Task AnotherOrganisation_NeitherSeesNorPublishesTheWorkingRecord_AndAReaderCannotPublish()
    {
        var id = await browser.NewActionAsync(await browser.SeedSampleAsync(Sample));
        var other = await app.CreateOrganisationAsync("Other town", OrganisationKind.Municipality);
        await app.CreateUserAsync("editor@other.test", other);
        using var outsider = await app.SignedInClientAsync("editor@other.test");
        foreach (var url in new[] { $"/catalogue/{id}/edit", $"/catalogue/{id}/publish" })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await outsider.GetStringAsync("/catalogue"), StringComparison.Ordinal);

        await app.CreateUserAsync("reader@workspace.test", Web.Data.AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        using var reader = await app.SignedInClientAsync("reader@workspace.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/catalogue/{id}/publish")).StatusCode);
    }

    private async Task<string> StoredDocumentAsync(Guid id)
    {
        using var db = app.OpenDb();
        return (await db.CatalogueActions.AsNoTracking().SingleAsync(a => a.Id == id)).Document;
    }
}
