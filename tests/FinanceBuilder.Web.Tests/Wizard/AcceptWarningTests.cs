using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// "Accept with a reason" beside each warning: the reason is saved with the signed-in person's
/// name and today's date, the warning stops counting as open, and nothing else changes. A reader
/// sees no button and may not post; an empty reason is refused in the page's language.
public sealed class AcceptWarningTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AcceptWarningTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// The Tamale sample with its accepted no-objection-letter warning (R-008) open again.
    private async Task<Guid> SeedWithOpenWarningAsync()
    {
        var json = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        json["acknowledgements"] = new JsonArray();
        return await browser.SeedJsonAsync(json.ToJsonString());
    }

    [Fact]
    public async Task Accepting_RecordsReasonPersonAndDate_AndTheWarningIsNoLongerOpen()
    {
        var id = await SeedWithOpenWarningAsync();
        var step = await browser.OpenAsync(Urls.Step(id, "partners"));
        var link = step.Get("#findings a.accept-warning");
        Assert.Equal("Accept with a reason", link.TextContent.Trim());
        var before = await browser.StoredAsync(id);
        // The accepted-warnings page lists every open warning, each with the same button.
        var listed = (await browser.OpenAsync(Urls.Step(id, "accepted-warnings"))).Get(".finding--warning a.accept-warning").GetAttribute("href")!;
        Assert.Contains("rule=R-008", listed, StringComparison.Ordinal);
        Assert.EndsWith("from=accepted-warnings", listed, StringComparison.Ordinal);

        var page = await browser.OpenAsync(link.GetAttribute("href")!);
        Assert.Contains("no-objection letter", page.Get(".accept-warning-text").TextContent, StringComparison.Ordinal);
        Assert.Contains("editor", page.Text, StringComparison.Ordinal);
        var form = FormFields.Read((IHtmlFormElement)page.Get("main form, form[method=post]")).Set("Reason", "Letter checked against the GCF template.");
        var saved = await browser.PostAsync(link.GetAttribute("href")!, form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Urls.Step(id, "partners") + "#findings", saved.Headers.Location!.OriginalString);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(before.Version + 1, version);
        var ack = Assert.Single(proposal.Acknowledgements);
        Assert.Equal("R-008", ack.RuleId);
        Assert.Equal("$.applicant.nationalDesignatedAuthorities[0].noObjectionLetter", ack.Path);
        Assert.Equal("Letter checked against the GCF template.", ack.Reason);
        Assert.Equal("editor", ack.By);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), ack.Date);

        var after = await browser.OpenAsync(Urls.Step(id, "partners"));
        var accepted = after.Get("#findings .acknowledged").TextContent;
        Assert.StartsWith("Accepted by editor on ", accepted, StringComparison.Ordinal);
        Assert.EndsWith(": Letter checked against the GCF template.", accepted, StringComparison.Ordinal);
        Assert.Equal("Change the reason", after.Get("#findings a.accept-warning").TextContent.Trim());
        var open = await browser.OpenAsync(Urls.Step(id, "accepted-warnings"));
        Assert.Null(open.Find(".finding--warning a.accept-warning"));
    }

    [Fact]
    public async Task AnEmptyReason_IsRefusedInFrench_AndNothingIsSaved()
    {
        using var french = new WizardBrowser(app, "fr");
        var id = await SeedWithOpenWarningAsync();
        var url = $"/proposals/{id}/accept-warning?rule=R-008&path={Uri.EscapeDataString("$.applicant.nationalDesignatedAuthorities[0].noObjectionLetter")}&from=partners";
        var page = await french.OpenAsync(url);
        var before = await browser.StoredVersionAsync(id);

        var refused = await french.PostAsync(url, FormFields.Read((IHtmlFormElement)page.Get("form[method=post]")).Set("Reason", "   "));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await WizardPage.ReadAsync(refused);
        Assert.Contains("Indiquez pourquoi cet avertissement peut rester", shown.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", shown.Get("#reason").GetAttribute("aria-invalid"));
        Assert.Equal(before, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task AnErrorRule_CannotBeAccepted()
    {
        var id = await SeedWithOpenWarningAsync();
        var page = await browser.OpenAsync($"/proposals/{id}/accept-warning?rule=R-008&from=partners");
        var before = await browser.StoredVersionAsync(id);
        var form = FormFields.Read((IHtmlFormElement)page.Get("form[method=post]")).Set("Reason", "An error cannot be waved through.");

        var refused = await browser.PostAsync($"/proposals/{id}/accept-warning?rule=R-024&from=partners", form);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("an error must be corrected", (await WizardPage.ReadAsync(refused)).Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task AReader_SeesNoButton_AndMayNotPost()
    {
        var id = await SeedWithOpenWarningAsync();
        await app.CreateUserAsync("reader@workspace.test", AccessScope.WorkspaceOrganisationId, MemberRole.Reader);
        using var reader = await app.SignedInClientAsync("reader@workspace.test");

        var step = WizardBrowser.Parse(await reader.GetStringAsync(Urls.Step(id, "partners")));
        Assert.NotNull(step.QuerySelector("#findings .finding--warning"));
        Assert.Null(step.QuerySelector("a.accept-warning"));
        // The page itself may be read (it says what the warning is); its post is refused.
        var url = $"/proposals/{id}/accept-warning?rule=R-008&path={Uri.EscapeDataString("$.applicant.nationalDesignatedAuthorities[0].noObjectionLetter")}&from=partners";
        var page = WizardBrowser.Parse(await reader.GetStringAsync(url));
        using var post = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = FormFields.Read((IHtmlFormElement)page.QuerySelector("form[method=post]")!).Set("Reason", "I only read.").ToContent(),
        };
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        var refused = await reader.SendAsync(post);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty((await browser.StoredAsync(id)).Proposal.Acknowledgements);
    }
}
