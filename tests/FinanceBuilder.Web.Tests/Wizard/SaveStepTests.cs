using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Saving a page with a plain form post: post/redirect/get to the next page, to the task list
/// with a notice saying where the answers are kept, or back to the same page.
public sealed class SaveStepTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public SaveStepTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Post_ValidAnswers_SavesAndRedirectsToNextStep()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "basics", "continue", form => form
            .Change("basics.title", "Solar schools and clinics for Tamale, Ghana")
            .Change("basics.kind", "Programme")
            .Change("basics.economicSector", "BuildingsAndCities")
            .Change("basics.subProjectsToBeIdentified", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.Step(id, "location"), response.Headers.Location!.OriginalString);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal("Solar schools and clinics for Tamale, Ghana", proposal.Basics.Title);
        Assert.Equal(ProjectKind.Programme, proposal.Basics.Kind);
        Assert.Equal(EconomicSector.BuildingsAndCities, proposal.Basics.EconomicSector);
        Assert.True(proposal.Basics.SubProjectsToBeIdentified);
        Assert.Equal(Focus.Mitigation, proposal.Basics.Focus);
        var again = await browser.OpenAsync(Urls.Step(id, "basics"));
        Assert.Equal("Solar schools and clinics for Tamale, Ghana", again.FieldValue("f-basics-title"));
        Assert.Equal("2", again.StepForm()["version"]);
    }

    public static TheoryData<string, string> SamplesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var sample in Samples.Files.Select(Path.GetFileName))
                data.Add(sample!, "en");
            // French numbers ("48 250 000,5") and dates shown and read back.
            data.Add("adaptation-cotonou-drainage-fr.json", "fr");
            return data;
        }
    }

    /// Opening a page and saving it without a change must not change the proposal: no answer
    /// lost, no empty block made up (an empty "generation" block once made the calculator
    /// drop a measure's emission reductions), the same findings and figures.
    [Theory]
    [MemberData(nameof(SamplesAndLanguages))]
    public async Task Post_EveryPageUnchanged_KeepsEveryAnswerAndFigure(string sample, string language)
    {
        using var reader = new WizardBrowser(app, language);
        var id = await reader.SeedSampleAsync(sample);
        var (_, proposal) = await reader.StoredAsync(id);
        var report = await reader.Client.GetStringAsync($"/api/proposals/{id}/validation?lang=en");
        var problems = new List<string>();

        foreach (var step in StepCatalogue.For(proposal))
        {
            var document = await reader.StoredDocumentAsync(id);

            var response = await reader.SubmitStepAsync(id, step.Id, "save", _ => { });

            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                problems.Add($"{step.Id}: {(int)response.StatusCode} {await ErrorsOf(response)}");
                continue;
            }
            var changes = JsonDifferences(JsonNode.Parse(document), JsonNode.Parse(await reader.StoredDocumentAsync(id)), "$").ToList();
            if (changes.Count > 0)
                problems.Add($"{step.Id} changed the proposal: {string.Join("; ", changes.Take(5))}");
        }
        var figures = JsonDifferences(JsonNode.Parse(report), JsonNode.Parse(await reader.Client.GetStringAsync($"/api/proposals/{id}/validation?lang=en")), "report").ToList();
        if (figures.Count > 0)
            problems.Add($"The findings or figures changed: {string.Join("; ", figures.Take(5))}");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// Differences of meaning between two proposal documents. Not differences: a number's
    /// trailing zeros (18.0 is 18), the order of a set of choices (check boxes are shown and sent
    /// in the page's order), and a factor's unit (the page writes the unit it asks in).
    private static IEnumerable<string> JsonDifferences(JsonNode? before, JsonNode? after, string path)
    {
        switch (before, after)
        {
            case (null, null):
                yield break;
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (key == "unit" && a.ContainsKey("value"))
                        continue;
                    if (!a.ContainsKey(key))
                        yield return $"{path}.{key} added as {b[key]?.ToJsonString()}";
                    else if (!b.ContainsKey(key))
                        yield return $"{path}.{key} removed (was {a[key]?.ToJsonString()})";
                    else
                    {
                        foreach (var d in JsonDifferences(a[key], b[key], path + "." + key))
                            yield return d;
                    }
                }
                break;
            case (JsonArray a, JsonArray b) when a.All(n => n?.GetValueKind() == JsonValueKind.String) && b.All(n => n?.GetValueKind() == JsonValueKind.String):
                if (!a.Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).SequenceEqual(b.Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal)))
                    yield return $"{path}: {a.ToJsonString()} became {b.ToJsonString()}";
                break;
            case (JsonArray a, JsonArray b):
                if (a.Count != b.Count)
                    yield return $"{path} had {a.Count} items, has {b.Count}";
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    foreach (var d in JsonDifferences(a[i], b[i], $"{path}[{i}]"))
                        yield return d;
                }
                break;
            case (JsonValue a, JsonValue b) when a.GetValueKind() == JsonValueKind.Number && b.GetValueKind() == JsonValueKind.Number:
                if (a.GetValue<decimal>() != b.GetValue<decimal>())
                    yield return $"{path}: {a} became {b}";
                break;
            default:
                if (before?.ToJsonString() != after?.ToJsonString())
                    yield return $"{path}: {before?.ToJsonString()} became {after?.ToJsonString()}";
                break;
        }
    }

    [Fact]
    public async Task Post_MarkupInAnAnswer_IsShownAsText()
    {
        var id = await browser.SeedSampleAsync(Sample);
        const string Title = "<b>Solar</b> & <script>alert('x')</script> \"Tamale\"";

        await browser.SubmitStepAsync(id, "basics", "save", form => form.Change("basics.title", Title));

        Assert.Equal(Title, (await browser.StoredAsync(id)).Proposal.Basics.Title);
        foreach (var url in new[] { Urls.Step(id, "basics"), Urls.TaskList(id), Urls.CheckAnswers(id), "/" })
        {
            var page = await browser.OpenAsync(url);
            Assert.Empty(page.Document.QuerySelectorAll("main b, main script"));
            Assert.Contains(Title, page.Text, StringComparison.Ordinal);
        }
        Assert.Equal(Title, (await browser.OpenAsync(Urls.Step(id, "basics"))).FieldValue("f-basics-title"));
    }

    [Fact]
    public async Task Post_Later_RedirectsToTaskListWithSavedNotice()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "basics", "later", form => form.Change("basics.title", "Tamale solar, saved for later"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.TaskList(id) + "?saved=basics", response.Headers.Location!.OriginalString);
        Assert.Equal("Tamale solar, saved for later", (await browser.StoredAsync(id)).Proposal.Basics.Title);
        var taskList = await browser.FollowAsync(response);
        var notice = taskList.Get(".notice--success").TextContent;
        Assert.Contains("Your answers on \"About the project\" are saved", notice, StringComparison.Ordinal);
        Assert.Contains("https://localhost" + Urls.TaskList(id), notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedNotice_SaysWhereTheWorkIsKept()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var taskList = await browser.OpenAsync(Urls.TaskList(id) + "?saved=dates");

        var notice = taskList.Get(".notice--success").TextContent;
        Assert.Contains("not in your browser", notice, StringComparison.Ordinal);
        if (TestDatabase.IsPostgres)
            Assert.Contains("(PostgreSQL)", notice, StringComparison.Ordinal);
        else
            Assert.Contains($"({Path.Combine(Path.GetFullPath(app.Database.DataDirectory), "financebuilder.db")})", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskList_WithoutSaved_ShowsNoNotice_AndIgnoresAnUnknownStep()
    {
        var id = await browser.SeedSampleAsync(Sample);

        Assert.Null((await browser.OpenAsync(Urls.TaskList(id))).Find(".notice--success"));
        Assert.Null((await browser.OpenAsync(Urls.TaskList(id) + "?saved=%3Cscript%3E")).Find(".notice--success"));
    }

    [Fact]
    public async Task Post_Save_ComesBackToTheSamePage()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "dates", "save", form => form.Change("basics.lifespanYears", "25"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.Step(id, "dates") + "#saved", response.Headers.Location!.OriginalString);
        Assert.Equal(25, (await browser.StoredAsync(id)).Proposal.Basics.LifespanYears);
    }

    [Fact]
    public async Task Post_Continue_SkipsThePagesThatDoNotApply()
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");

        var response = await browser.SubmitStepAsync(id, "components", "continue", _ => { });

        Assert.Equal(Urls.Step(id, "adaptation"), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_ChangingTheFocus_ChangesWhichPagesFollow()
    {
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");

        await browser.SubmitStepAsync(id, "basics", "continue", form => form.Change("basics.focus", "CrossCutting"));

        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync(Urls.Step(id, "mitigation"))).Status);
        var response = await browser.SubmitStepAsync(id, "components", "continue", _ => { });
        Assert.Equal(Urls.Step(id, "mitigation"), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_ReadinessRoute_AsksForTheEnvelope_AndSavesIt()
    {
        // The wizard no longer offers the readiness route (no pack writes it); a proposal
        // imported on it still answers the envelope questions.
        var id = await browser.SeedJsonAsync(Samples.ReadText(Sample).Replace("\"route\": \"fundingProposal\"", "\"route\": \"readiness\"", StringComparison.Ordinal));

        var page = await browser.OpenAsync(Urls.Step(id, "fund-and-route"));
        var saved = await browser.PostAsync(page.FormAction(), page.StepForm()
            .Change("target.readinessEnvelope.window", "Nap1")
            .Change("target.readinessEnvelope.periodStart", "2024-01-01")
            .Change("target.readinessEnvelope.mainUsedUsd", "1,250,000")
            .Set("action", "continue"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var target = (await browser.StoredAsync(id)).Proposal.Target;
        Assert.Equal(Route.Readiness, target.Route);
        Assert.Equal(ReadinessWindow.Nap1, target.ReadinessEnvelope!.Window);
        Assert.Equal(new DateOnly(2024, 1, 1), target.ReadinessEnvelope.PeriodStart);
        Assert.Equal(1_250_000m, target.ReadinessEnvelope.MainUsedUsd);
        Assert.Null(target.ReadinessEnvelope.Nap1UsedUsd);
    }

    [Fact]
    public async Task Post_AnotherCalculationMethod_AsksForItsInputs()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var refreshed = await browser.SubmitStepAsync(id, "mitigation", "save", form => form.Change("mitigationMeasures[1].method", "Buildings"));
        var page = await browser.FollowAsync(refreshed);
        Assert.Null(page.Find("#f-mitigationMeasures-1-gridElectricity-gridEmissionFactor"));
        var saved = await browser.PostAsync(page.FormAction(), page.StepForm()
            .Change("mitigationMeasures[1].buildings.gridEmissionFactor.value", "0.45")
            .Change("mitigationMeasures[1].buildings.gridEmissionFactor.source", "IFI harmonised grid emission factor")
            .Set("action", "save"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var measure = (await browser.StoredAsync(id)).Proposal.MitigationMeasures[1];
        Assert.Equal(CalculationMethod.Buildings, measure.Method);
        Assert.Equal(0.45m, measure.Buildings!.GridEmissionFactor!.Value);
        Assert.Equal("tCO2/MWh", measure.Buildings.GridEmissionFactor.Unit);
        Assert.NotNull(measure.GridElectricity);
    }

    [Fact]
    public async Task Post_ContinueOnTheLastPage_GoesToCheckAnswers()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "accepted-warnings", "continue", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.CheckAnswers(id), response.Headers.Location!.OriginalString);
        await browser.FollowAsync(response);
    }

    private static async Task<string> ErrorsOf(HttpResponseMessage response)
    {
        var page = await WizardPage.ReadAsync(response);
        return page.Find(".error-summary")?.TextContent.Trim() ?? page.Find(".notice")?.TextContent.Trim() ?? "";
    }
}
