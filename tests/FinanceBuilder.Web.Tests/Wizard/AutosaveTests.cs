using System.Net;
using System.Text.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Autosave (wizard.js): the page's form posted to ?handler=Autosave, answered as JSON, with the
/// same version rule and the same checks as the form post.
public sealed class AutosaveTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AutosaveTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// What wizard.js sends: every field of the form but the button.
    private async Task<(Guid Id, WizardPage Page, FormFields Form)> OpenAsync(string step)
    {
        var id = await browser.SeedSampleAsync(Sample);
        var page = await browser.OpenAsync(Urls.Step(id, step));
        return (id, page, page.StepForm().Remove("action"));
    }

    private async Task<JsonElement> AutosaveAsync(Guid id, string step, FormFields form)
    {
        var response = await browser.PostAsync(Urls.Autosave(id, step), form);
        // A refused token is a bad request, still answered as JSON for the page's script.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Autosave_ValidAnswers_SavesAndAnswersWithTheNextVersionAndThePanels()
    {
        var (id, _, form) = await OpenAsync("basics");

        var reply = await AutosaveAsync(id, "basics", form.Change("basics.title", "Tamale solar, autosaved").Change("basics.declaredSizeCategory", "Large"));

        Assert.Equal("saved", reply.GetProperty("status").GetString());
        Assert.Equal(2, reply.GetProperty("version").GetInt32());
        Assert.Matches("^[0-9]{2}:[0-9]{2} UTC$", reply.GetProperty("message").GetString());
        var live = reply.GetProperty("live");
        Assert.Contains("Large (over USD 250 million)", live.GetProperty("panel:size").GetString(), StringComparison.Ordinal);
        Assert.Contains("id=\"findings\"", live.GetProperty("side").GetString(), StringComparison.Ordinal);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal("Tamale solar, autosaved", proposal.Basics.Title);
        Assert.Equal(SizeCategory.Large, proposal.Basics.DeclaredSizeCategory);
    }

    [Fact]
    public async Task Autosave_TwiceWithTheVersionItAnswered_SavesBothTimes()
    {
        var (id, _, form) = await OpenAsync("basics");
        var first = await AutosaveAsync(id, "basics", form.Change("basics.title", "First draft"));

        var second = await AutosaveAsync(id, "basics", form.Change("basics.title", "Second draft").Set("version", first.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("saved", second.GetProperty("status").GetString());
        Assert.Equal(3, second.GetProperty("version").GetInt32());
        Assert.Equal("Second draft", (await browser.StoredAsync(id)).Proposal.Basics.Title);
    }

    [Fact]
    public async Task Autosave_FromAnOlderVersion_AnswersConflict_AndSavesNothing()
    {
        var (id, _, form) = await OpenAsync("basics");
        await browser.SubmitStepAsync(id, "basics", "save", f => f.Change("basics.title", "Saved from another window"));

        var reply = await AutosaveAsync(id, "basics", form.Change("basics.title", "Autosaved from the older page"));

        Assert.Equal("conflict", reply.GetProperty("status").GetString());
        Assert.Equal(2, reply.GetProperty("version").GetInt32());
        Assert.StartsWith("Someone else saved this proposal", reply.GetProperty("message").GetString(), StringComparison.Ordinal);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal("Saved from another window", proposal.Basics.Title);
    }

    [Theory]
    [InlineData("a-token-that-was-never-issued")]
    [InlineData(null)]
    public async Task Autosave_WithABadToken_AnswersExpiredWithANewToken_ThatWorks(string? token)
    {
        var (id, _, form) = await OpenAsync("basics");
        form.Change("basics.title", "Typed while the session expired");
        if (token is null)
            form.Remove("__RequestVerificationToken");
        else
            form.Set("__RequestVerificationToken", token);

        var reply = await AutosaveAsync(id, "basics", form);

        Assert.Equal("expired", reply.GetProperty("status").GetString());
        var fresh = reply.GetProperty("token").GetString();
        Assert.False(string.IsNullOrEmpty(fresh));
        Assert.Equal(1, await browser.StoredVersionAsync(id));
        var retried = await AutosaveAsync(id, "basics", form.Set("__RequestVerificationToken", fresh!));
        Assert.Equal("saved", retried.GetProperty("status").GetString());
        Assert.Equal("Typed while the session expired", (await browser.StoredAsync(id)).Proposal.Basics.Title);
    }

    [Fact]
    public async Task Autosave_UnreadableNumber_AnswersInvalidWithTheField_AndSavesNothing()
    {
        var (id, _, form) = await OpenAsync("applicant");

        var reply = await AutosaveAsync(id, "applicant", form.Change("applicant.proponent.population", "about 370k").Change("applicant.proponent.name", "Tamale Metropolitan Assembly"));

        Assert.Equal("invalid", reply.GetProperty("status").GetString());
        Assert.Equal(1, reply.GetProperty("version").GetInt32());
        Assert.StartsWith("Not saved: 1 answer needs correcting", reply.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("f-applicant-proponent-population", Assert.Single(reply.GetProperty("invalid").EnumerateArray()).GetString());
        var live = reply.GetProperty("live");
        Assert.Contains("This number contains a letter", live.GetProperty("error:f-applicant-proponent-population").GetString(), StringComparison.Ordinal);
        Assert.Contains("href=\"#f-applicant-proponent-population\"", live.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.NotEqual("Tamale Metropolitan Assembly", proposal.Applicant.Proponent.Name);
    }

    [Fact]
    public async Task Autosave_StepRuleBroken_AnswersInvalid()
    {
        var (id, _, form) = await OpenAsync("dates");

        var reply = await AutosaveAsync(id, "dates", form.Change("basics.implementationEnd", "2020-01-01"));

        Assert.Equal("invalid", reply.GetProperty("status").GetString());
        Assert.Equal("f-basics-implementationEnd", Assert.Single(reply.GetProperty("invalid").EnumerateArray()).GetString());
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task Autosave_InFrench_AnswersInFrench()
    {
        using var french = new WizardBrowser(app, "fr");
        var id = await french.SeedSampleAsync(Sample);
        var form = (await french.OpenAsync(Urls.Step(id, "applicant"))).StepForm().Remove("action");

        var response = await french.PostAsync(Urls.Autosave(id, "applicant"), form.Change("applicant.proponent.annualBudget.amount", "2 500 000,75"));

        using var reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("saved", reply.RootElement.GetProperty("status").GetString());
        Assert.Equal(2500000.75m, (await french.StoredAsync(id)).Proposal.Applicant.Proponent.AnnualBudget!.Amount);
    }

    [Fact]
    public async Task Autosave_UnknownStep_Returns404()
    {
        var (id, _, form) = await OpenAsync("basics");

        var response = await browser.PostAsync(Urls.Autosave(id, "no-such-step"), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
