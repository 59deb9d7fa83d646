using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// A form posted with an antiforgery token that does not hold (the session expired while the
/// user typed, or the token is missing): nothing is saved, and nothing typed is lost.
public sealed class SessionExpiryTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private const string Expired = "Your session expired before this page was saved.";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public SessionExpiryTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// Another site's page posting into the wizard (cross-site request forgery) is refused
    /// outright: nothing it sent is shown back as the user's answers, nothing is saved.
    [Theory]
    [InlineData("cross-site", null)]
    [InlineData("same-site", null)]
    [InlineData("", "https://attacker.example")]
    public async Task Post_FromAnotherSite_IsRefused_WithoutShowingItsAnswers(string fetchSite, string? origin)
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "basics"));
        var form = page.StepForm().Change("basics.title", "Planted by another site").Set("action", "continue");
        form.Remove("__RequestVerificationToken");
        form.Remove("version");
        using var request = new HttpRequestMessage(HttpMethod.Post, page.FormAction()) { Content = form.ToContent() };
        if (fetchSite.Length > 0)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        if (origin is not null)
            request.Headers.Add("Origin", origin);

        var response = await browser.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Planted by another site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    [Theory]
    [InlineData("a-token-that-was-never-issued")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Post_WithABadToken_ShowsSessionExpired_KeepsTheText_AndSavesNothing(string? token)
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "basics"));
        var form = page.StepForm().Change("basics.title", "Typed while the session expired").Change("basics.kind", "Programme").Set("action", "continue");
        if (token is null)
            form.Remove("__RequestVerificationToken");
        else
            form.Set("__RequestVerificationToken", token);

        var response = await browser.PostAsync(page.FormAction(), form);

        // A bad request (T14), shown as a page that keeps what was typed.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var shown = await WizardPage.ReadAsync(response);
        Assert.StartsWith(Expired, shown.Get(".notice--warning[role=alert]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Typed while the session expired", shown.FieldValue("f-basics-title"));
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)shown.Get("#f-basics-kind-Programme")).IsChecked);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal("Tamale Solar Public Buildings and LED Street Lighting Project, Ghana", proposal.Basics.Title);
    }

    [Fact]
    public async Task Post_AgainFromTheExpiredPage_Saves()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "basics"));
        var expired = await browser.PostAsync(page.FormAction(), page.StepForm()
            .Change("basics.title", "Typed while the session expired").Set("__RequestVerificationToken", "stale").Set("action", "continue"));
        var shown = await WizardPage.ReadAsync(expired);

        var again = await browser.PostAsync(shown.FormAction(), shown.StepForm().Set("action", "continue"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(Urls.Step(id, "location"), again.Headers.Location!.OriginalString);
        Assert.Equal("Typed while the session expired", (await browser.StoredAsync(id)).Proposal.Basics.Title);
    }

    [Fact]
    public async Task Post_FromAnotherBrowserWithoutTheCookie_SavesNothing()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, "basics"));
        using var stranger = new WizardBrowser(app);

        var response = await stranger.PostAsync(page.FormAction(), page.StepForm().Change("basics.title", "Posted from elsewhere").Set("action", "continue"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Expired, (await WizardPage.ReadAsync(response)).Text, StringComparison.Ordinal);
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task Post_ListActionWithABadToken_ChangesNoList()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "partners", "remove:applicant.executingEntities[0]", form => form.Set("__RequestVerificationToken", "stale"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal(3, proposal.Applicant.ExecutingEntities.Count);
    }
}
