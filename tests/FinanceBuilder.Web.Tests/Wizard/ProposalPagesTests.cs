using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The pages around the wizard: a new proposal, a duplicate, an import, a delete, an export.
public sealed class ProposalPagesTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ProposalPagesTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private static FormFields FormOf(WizardPage page, string selector = "main form[method=post]") =>
        FormFields.Read((IHtmlFormElement)page.Get(selector));

    private async Task<int> CountAsync()
    {
        using var db = app.OpenDb();
        return await db.Proposals.CountAsync();
    }

    [Fact]
    public async Task New_WithRouteAndLanguage_CreatesAndRedirectsToTheTaskList()
    {
        var page = await browser.OpenAsync("/proposals/new");
        var form = FormOf(page).Change("route", "Sap").Change("language", "Fr").Change("title", "  Drainage de Ziguinchor, Sénégal  ");

        var response = await browser.PostAsync("/proposals/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/proposals/[0-9a-f-]{36}$", response.Headers.Location!.OriginalString);
        var id = Guid.Parse(response.Headers.Location.OriginalString.Split('/')[^1]);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal(Route.Sap, proposal.Target.Route);
        Assert.Equal(Language.Fr, proposal.Language);
        Assert.Equal(Fund.Gcf, proposal.Target.Fund);
        Assert.Equal("Drainage de Ziguinchor, Sénégal", proposal.Basics.Title);
        Assert.False(string.IsNullOrEmpty(proposal.Target.TemplateVersion));
        var taskList = await browser.FollowAsync(response);
        Assert.Equal("Drainage de Ziguinchor, Sénégal", taskList.Get("h1").TextContent);
    }

    /// Only routes whose documents a pack writes are offered (the PPF request has its pack): a
    /// Readiness request is the NDA's, and no pack writes it, so a municipality is never led to a
    /// proposal it cannot package.
    [Fact]
    public async Task New_OffersOnlyTheRoutesAPackWrites()
    {
        var page = await browser.OpenAsync("/proposals/new");

        var offered = page.Document.QuerySelectorAll("input[name=route]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["FundingProposal", "ConceptNote", "Sap", "Ppf"], offered);

        var response = await browser.PostAsync("/proposals/new", FormOf(page).Set("route", "Readiness").Change("language", "En"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the message
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task New_InFrench_OffersFrenchAsTheProposalLanguage()
    {
        using var french = new WizardBrowser(app, "fr");

        var page = await french.OpenAsync("/proposals/new");

        Assert.Equal("Fr", FormOf(page)["language"]);
        Assert.False(FormOf(page).Has("route"));
    }

    [Theory]
    [InlineData(null, "En", "route")]
    [InlineData("Tender", "En", "route")]
    [InlineData("FundingProposal", "Es", "language")]
    [InlineData("FundingProposal", null, "language")]
    public async Task New_WithoutAnAllowedRouteOrLanguage_ShowsTheError_AndCreatesNothing(string? route, string? language, string field)
    {
        var page = await browser.OpenAsync("/proposals/new");
        var form = FormOf(page).Set("title", "Solar schools, Tamale");
        form.Set("route", route is null ? [] : [route]).Set("language", language is null ? [] : [language]);

        var response = await browser.PostAsync("/proposals/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await WizardPage.ReadAsync(response);
        var link = shown.Get($".error-summary a[href='#new-{field}']");
        Assert.NotNull(shown.Find($"#new-{field}"));
        Assert.Contains(link.TextContent.Trim(), shown.Get($"#new-{field}").Closest(".field")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Solar schools, Tamale", shown.FieldValue("new-title"));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task New_WithoutAToken_IsRefused()
    {
        var page = await browser.OpenAsync("/proposals/new");

        var response = await browser.PostAsync("/proposals/new", FormOf(page).Change("route", "Sap").Remove("__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Duplicate_CreatesACopyOf_WithTheSameAnswers()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var taskList = await browser.OpenAsync(Urls.TaskList(id));
        var form = FormOf(taskList, ".proposal-actions form");
        var action = taskList.Get(".proposal-actions form").GetAttribute("action")!;
        Assert.Equal(Urls.TaskList(id) + "?handler=Duplicate", action);

        var response = await browser.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/proposals/[0-9a-f-]{36}\\?copied=1$", response.Headers.Location!.OriginalString);
        var copyId = Guid.Parse(response.Headers.Location.OriginalString[11..47]);
        Assert.NotEqual(id, copyId);
        var (_, copy) = await browser.StoredAsync(copyId);
        var (version, original) = await browser.StoredAsync(id);
        Assert.Equal("Copy of Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", copy.Basics.Title);
        Assert.Equal(1, version);
        Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", original.Basics.Title);
        Assert.Equal(original.Budget.Lines.Count, copy.Budget.Lines.Count);
        Assert.Contains("This is a copy", (await browser.FollowAsync(response)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_FromTheHomePage_AndWithoutAToken()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var home = await browser.OpenAsync("/");
        var form = FormOf(home, "td.row-actions form");

        var refused = await browser.PostAsync(Urls.TaskList(id) + "?handler=Duplicate", FormFields.Read((IHtmlFormElement)home.Get("td.row-actions form")).Remove("__RequestVerificationToken"));
        var copied = await browser.PostAsync(home.Get("td.row-actions form").GetAttribute("action")!, form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        Assert.Equal(2, await CountAsync());
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] file, string name = "proposal.json")
    {
        var page = await browser.OpenAsync("/proposals/import");
        using var content = new MultipartFormDataContent();
        foreach (var field in FormOf(page).All)
            content.Add(new StringContent(field.Value), field.Key);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "file", name);
        return await browser.Client.PostAsync("/proposals/import", content);
    }

    [Fact]
    public async Task Import_ASampleFile_CreatesTheProposal_AndOpensItsTaskList()
    {
        var response = await ImportAsync(Samples.Read(Sample), Sample);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        var stored = JsonNode.Parse(await browser.StoredDocumentAsync(id));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Samples.ReadText(Sample)), stored), "The imported proposal differs from the file.");
        Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", (await browser.FollowAsync(response)).Get("h1").TextContent);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"basics\": { \"title\": ")]
    [InlineData("{\"schemaVersion\":1,\"basics\":{\"focus\":\"both\",\"implementationMonths\":\"sixty\"}}")]
    [InlineData("[1, 2, 3]")]
    public async Task Import_ABrokenFile_ListsTheErrors_AndStoresNothing(string json)
    {
        var response = await ImportAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        var errors = page.Document.QuerySelectorAll(".error-summary li");
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.TextContent)));
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Import_NoFile_AsksForOne()
    {
        var page = await browser.OpenAsync("/proposals/import");
        using var content = new MultipartFormDataContent();
        foreach (var field in FormOf(page).All)
            content.Add(new StringContent(field.Value), field.Key);

        var response = await browser.Client.PostAsync("/proposals/import", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await WizardPage.ReadAsync(response)).Find(".error-summary a[href='#import-file']"));
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Delete_AsksFirst_ThenDeletes_AndTheProposalIsGoneFromTheHomeList()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var title = (await browser.StoredAsync(id)).Proposal.Basics.Title!;
        Assert.Contains(title, (await browser.OpenAsync("/")).Text, StringComparison.Ordinal);

        var question = await browser.OpenAsync($"/proposals/{id}/delete");
        Assert.Contains(title, question.Get("h1").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await browser.StoredVersionAsync(id));
        var response = await browser.PostAsync($"/proposals/{id}/delete", FormOf(question));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?deleted=1", response.Headers.Location!.OriginalString);
        var home = await browser.FollowAsync(response);
        Assert.DoesNotContain(title, home.Text, StringComparison.Ordinal);
        Assert.NotNull(home.Find(".notice--success"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Urls.TaskList(id))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Urls.Step(id, "basics"))).Status);
    }

    [Fact]
    public async Task Delete_AfterAnotherSave_AsksAgain_AndKeepsTheProposal()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var question = await browser.OpenAsync($"/proposals/{id}/delete");
        await browser.SubmitStepAsync(id, "basics", "save", form => form.Change("basics.title", "Saved after the question"));

        var response = await browser.PostAsync($"/proposals/{id}/delete", FormOf(question));

        Assert.Equal($"/proposals/{id}/delete?changed=1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Urls.TaskList(id))).Status);
        Assert.NotNull((await browser.FollowAsync(response)).Find(".notice--warning"));
    }

    [Fact]
    public async Task Delete_WithoutAToken_IsRefused()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var question = await browser.OpenAsync($"/proposals/{id}/delete");

        var response = await browser.PostAsync($"/proposals/{id}/delete", FormOf(question).Remove("__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Urls.TaskList(id))).Status);
    }

    [Fact]
    public async Task Export_ReturnsTheJson_AsAnAttachmentNamedAfterTheTitle()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.Client.GetAsync($"/proposals/{id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        // The title's letters and digits, cut at 60 characters, then the date.
        Assert.Matches("^tamale-solar-public-buildings-and-led-street-lighting-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.json$", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
        Assert.Equal(await browser.StoredDocumentAsync(id), await response.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Samples.ReadText(Sample)), JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }
}
