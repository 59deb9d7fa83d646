using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The screen never contradicts the saved answers (design D14): after an autosave the page takes
/// every part of the reply, and those parts must be exactly what a reload of the page shows; a
/// page's checks appear only once it was saved with a button.
public sealed class LiveTruthTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public LiveTruthTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    public static TheoryData<string, string, string, string> Changes => new()
    {
        // sample, step, field, new value: a text, a choice, a number in a list, a calculator
        // input, a budget amount, people counts.
        { "mitigation-tamale-solar-led.json", "basics", "basics.title", "Tamale solar, renamed" },
        { "mitigation-tamale-solar-led.json", "basics", "basics.declaredSizeCategory", "Large" },
        { "mitigation-tamale-solar-led.json", "result-areas", "basics.resultAreas[0].sharePercent", "35" },
        { "mitigation-tamale-solar-led.json", "mitigation", "mitigationMeasures[0].gridElectricity.generation.installedCapacityKwp", "3000" },
        { "mitigation-tamale-solar-led.json", "budget", "budget.grid[0].y2028", "1200000" },
        { "mitigation-tamale-solar-led.json", "financing", "financing.coFinancing[0].amount.amount", "2500000" },
        { "adaptation-cotonou-drainage-fr.json", "adaptation", "adaptationMeasures[0].beneficiaries.direct.female", "15000" },
        { "adaptation-cotonou-drainage-fr.json", "timetable", "timetable[0].activityId", "1.1.1" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Autosave_Reply_IsWhatAReloadShows(string sample, string step, string field, string value)
    {
        var id = await browser.SeedSampleAsync(sample);
        var page = await browser.OpenAsync(Urls.Step(id, step));
        var form = page.StepForm().Remove("action");
        Assert.True(form.Has(field), $"The page {step} has no field {field}: {string.Join(", ", form.Names.Take(40))}");

        var reply = await AutosaveAsync(id, step, form.Change(field, value));
        Assert.Equal("saved", reply.GetProperty("status").GetString());
        var reload = await browser.OpenAsync(Urls.Step(id, step));

        var shown = LiveParts(reload.Document);
        var sent = reply.GetProperty("live").EnumerateObject().ToDictionary(p => p.Name, p => Normalise(p.Value.GetString()!), StringComparer.Ordinal);
        Assert.Equal(shown.Keys.Order(StringComparer.Ordinal), sent.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, html) in shown)
            Assert.True(html == sent[key], $"The part '{key}' differs after autosave:\nreply:  {sent[key]}\nreload: {html}");
        var marked = reload.Document.QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id).Order(StringComparer.Ordinal);
        Assert.Equal(marked, reply.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Autosave_AfterAnError_RemovesItsMessage_WhenTheAnswerIsFixed()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var form = (await browser.OpenAsync(Urls.Step(id, "applicant"))).StepForm().Remove("action");

        var wrong = await AutosaveAsync(id, "applicant", form.Change("applicant.proponent.population", "about 370k"));
        Assert.Contains("contains a letter", wrong.GetProperty("live").GetProperty("error:f-applicant-proponent-population").GetString(), StringComparison.Ordinal);
        var fixedReply = await AutosaveAsync(id, "applicant", form.Change("applicant.proponent.population", "370000"));

        Assert.Equal("saved", fixedReply.GetProperty("status").GetString());
        Assert.Equal("", fixedReply.GetProperty("live").GetProperty("error:f-applicant-proponent-population").GetString());
        Assert.Equal("", fixedReply.GetProperty("live").GetProperty("summary").GetString());
        Assert.Empty(fixedReply.GetProperty("invalid").EnumerateArray());
    }

    [Fact]
    public async Task NewProposal_PageShowsNoChecks_UntilSavedWithAButton_AutosaveAlone_DoesNotShowThem()
    {
        var id = await NewProposalAsync();
        var first = await browser.OpenAsync(Urls.Step(id, "basics"));
        Assert.Empty(first.Document.QuerySelectorAll("[data-live^='findings:'] .finding"));
        Assert.Contains("appear once you save it", first.Get("[data-live=side]").TextContent, StringComparison.Ordinal);

        var reply = await AutosaveAsync(id, "basics", first.StepForm().Remove("action").Change("basics.title", "Lokossa drainage"));
        Assert.Equal("saved", reply.GetProperty("status").GetString());
        Assert.DoesNotContain("finding--error", reply.GetProperty("live").GetProperty("side").GetString(), StringComparison.Ordinal);

        var saved = await browser.SubmitStepAsync(id, "basics", "save", f => f.Change("basics.title", "Lokossa drainage"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await browser.OpenAsync(Urls.Step(id, "basics"));
        Assert.NotEmpty(after.Document.QuerySelectorAll("[data-live^='findings:'] .finding--error"));
        Assert.NotEmpty(after.Document.QuerySelectorAll("[data-live=side] .finding--error"));
        // Another page of the same proposal still waits for its own first save.
        var other = await browser.OpenAsync(Urls.Step(id, "applicant"));
        Assert.Empty(other.Document.QuerySelectorAll("[data-live^='findings:'] .finding"));
    }

    [Fact]
    public async Task ImportedProposal_ShowsEveryPagesChecks_AtOnce()
    {
        var id = await browser.SeedJsonAsync("""{"schemaVersion": 1, "language": "en", "target": {"fund": "gcf", "route": "conceptNote"}, "basics": {"title": "Imported"}}""");

        var page = await browser.OpenAsync(Urls.Step(id, "basics"));

        Assert.NotEmpty(page.Document.QuerySelectorAll("[data-live=side] .finding--error"));
    }

    [Fact]
    public async Task PeopleCount_TotalOfWomenAndMen_IsComputed_NeverTypedTwice()
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");
        var page = await browser.OpenAsync(Urls.Step(id, "adaptation"));
        // Women and men are given: no total to type, the sum is shown.
        Assert.Null(page.Find("[name='adaptationMeasures[0].beneficiaries.direct.total']"));
        Assert.Contains("68,500", page.Get("[data-live='total:f-adaptationMeasures-0-beneficiaries-direct']").TextContent, StringComparison.Ordinal);

        var reply = await AutosaveAsync(id, "adaptation", page.StepForm().Remove("action")
            .Change("adaptationMeasures[0].beneficiaries.direct.female", "40000").Set("adaptationMeasures[0].beneficiaries.direct.total", "1"));

        Assert.Contains("73,290", reply.GetProperty("live").GetProperty("total:f-adaptationMeasures-0-beneficiaries-direct").GetString(), StringComparison.Ordinal);
        var stored = (await browser.StoredAsync(id)).Proposal.AdaptationMeasures[0].Beneficiaries.Direct!;
        Assert.Null(stored.Total);
        Assert.Equal(73_290, stored.Known());
    }

    private async Task<Guid> NewProposalAsync()
    {
        var form = (await browser.OpenAsync("/proposals/new")).Get("main form") as AngleSharp.Html.Dom.IHtmlFormElement;
        var fields = FormFields.Read(form!).Set("title", "New one").Set("route", "ConceptNote").Set("language", "En");
        var response = await browser.PostAsync("/proposals/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2]);
    }

    private async Task<JsonElement> AutosaveAsync(Guid id, string step, FormFields form)
    {
        var response = await browser.PostAsync(Urls.Autosave(id, step), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private static Dictionary<string, string> LiveParts(IDocument page) =>
        page.QuerySelectorAll("[data-live]").ToDictionary(e => e.GetAttribute("data-live")!, e => e.InnerHtml, StringComparer.Ordinal);

    /// The reply's HTML as the page's parser writes it back (attribute quoting, entities).
    private static string Normalise(string html) => WizardBrowser.Parse("<div id=\"x\">" + html + "</div>").GetElementById("x")!.InnerHtml;
}
