using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Wizard;

/// What a browser does with the wizard, over HTTP: keeps the cookies the pages set (the
/// antiforgery cookie), never follows redirects by itself (style §13), and posts a page's form
/// the way a browser would send it.
internal sealed class WizardBrowser : IDisposable
{
    public WizardBrowser(AppFactory app, string? language = null)
    {
        App = app;
        Client = app.CreateApiClient(language);
    }

    private WizardBrowser(AppFactory app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    /// A resident's browser: no account, cookies kept (the antiforgery cookie), over https.
    public static WizardBrowser Anonymous(AppFactory app, string? language = null) => new(app, app.CreateBrowserClient(language));

    public AppFactory App { get; }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    /// Stores a sample proposal through the API, as the demo workspace or an import would.
    public async Task<Guid> SeedSampleAsync(string sample) => await SeedJsonAsync(Samples.ReadText(sample));

    public async Task<Guid> SeedJsonAsync(string json)
    {
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/proposals", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public async Task<WizardPage> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return await WizardPage.ReadAsync(response);
    }

    /// GETs a page that must answer 200.
    public async Task<WizardPage> OpenAsync(string url)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}.");
        return page;
    }

    /// Posts as a browser posts from one of the site's own pages: it says so in its Fetch
    /// metadata (a post from another site says "cross-site" instead).
    public async Task<HttpResponseMessage> PostAsync(string url, FormFields form, string site = "same-origin")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form.ToContent() };
        request.Headers.Add("Sec-Fetch-Site", site);
        return await Client.SendAsync(request);
    }

    /// Opens a step, lets the test change the form, and presses a button.
    public Task<HttpResponseMessage> SubmitStepAsync(Guid id, string step, string action, Action<FormFields> change) =>
        SubmitAsync(Urls.Step(id, step), action, change);

    public async Task<HttpResponseMessage> SubmitAsync(string url, string action, Action<FormFields> change)
    {
        var page = await OpenAsync(url);
        var form = page.StepForm();
        change(form);
        form.Set("action", action);
        return await PostAsync(page.FormAction(), form);
    }

    public async Task<WizardPage> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)redirect.StatusCode}: {await redirect.Content.ReadAsStringAsync()}");
        return await OpenAsync(redirect.Headers.Location!.OriginalString);
    }

    public async Task<(int Version, Proposal Proposal)> StoredAsync(Guid id)
    {
        using var db = App.OpenDb();
        var record = await db.Proposals.AsNoTracking().IgnoreQueryFilters().SingleAsync(p => p.Id == id);
        return (record.Version, JsonSerializer.Deserialize<Proposal>(record.Document, ProposalJson.Options)!);
    }

    public async Task<int> StoredVersionAsync(Guid id) => (await StoredAsync(id)).Version;

    public async Task<string> StoredDocumentAsync(Guid id)
    {
        using var db = App.OpenDb();
        return (await db.Proposals.AsNoTracking().IgnoreQueryFilters().SingleAsync(p => p.Id == id)).Document;
    }

    /// A parser per page: tests run in parallel, and a parser is not made to be shared.
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}

/// The wizard's addresses, written out here rather than taken from WizardUrls: a changed
/// address is a change users see, and a test should notice it.
internal static class Urls
{
    public static string TaskList(Guid id) => $"/proposals/{id}";

    public static string Step(Guid id, string step) => $"/proposals/{id}/{step}";

    public static string Autosave(Guid id, string step) => $"/proposals/{id}/{step}?handler=Autosave";

    public static string CheckAnswers(Guid id) => $"/proposals/{id}/check-answers";
}
