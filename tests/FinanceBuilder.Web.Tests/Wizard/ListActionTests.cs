using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// "Add another", "remove" and the ready-made items: plain submit buttons that save the page,
/// change one list of this page, and come back to where the change is.
public sealed class ListActionTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ListActionTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Post_Add_AddsAnItem_SavesThePage_AndRedirectsToTheNewItem()
    {
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "partners", "add:applicant.executingEntities",
            form => form.Change("applicant.executingEntities[0].name", "Tamale Metropolitan Assembly"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.Step(id, "partners") + "#f-applicant-executingEntities-3", response.Headers.Location!.OriginalString);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal(4, proposal.Applicant.ExecutingEntities.Count);
        Assert.Equal("Tamale Metropolitan Assembly", proposal.Applicant.ExecutingEntities[0].Name);
        Assert.Null(proposal.Applicant.ExecutingEntities[3].Name);
        var page = await browser.FollowAsync(response);
        Assert.NotNull(page.Find("fieldset#f-applicant-executingEntities-3"));
        Assert.Equal("4", page.StepForm()["applicant.executingEntities.count"]);
    }

    [Fact]
    public async Task Post_Remove_RemovesThatItem_AndRedirectsToTheList()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var second = (await browser.StoredAsync(id)).Proposal.Applicant.ExecutingEntities[1].Name;

        var response = await browser.SubmitStepAsync(id, "partners", "remove:applicant.executingEntities[0]", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.Step(id, "partners") + "#f-applicant-executingEntities", response.Headers.Location!.OriginalString);
        var entities = (await browser.StoredAsync(id)).Proposal.Applicant.ExecutingEntities;
        Assert.Equal(2, entities.Count);
        Assert.Equal(second, entities[0].Name);
    }

    [Fact]
    public async Task Post_AddAndRemoveInANestedList_ChangeOnlyThatItemsList()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var third = (await browser.StoredAsync(id)).Proposal.Components[0].Outputs[2].Name;

        var added = await browser.SubmitStepAsync(id, "components", "add:components[0].outputs[0].activities", _ => { });
        var removed = await browser.SubmitStepAsync(id, "components", "remove:components[0].outputs[1]", _ => { });

        Assert.Equal(Urls.Step(id, "components") + "#f-components-0-outputs-0-activities-3", added.Headers.Location!.OriginalString);
        Assert.Equal(Urls.Step(id, "components") + "#f-components-0-outputs", removed.Headers.Location!.OriginalString);
        var components = (await browser.StoredAsync(id)).Proposal.Components;
        // Numbers follow places: the old output 1.3 is now 1.2.
        Assert.Equal(["1.1", "1.2"], components[0].Outputs.Select(o => o.Id));
        Assert.Equal(third, components[0].Outputs[1].Name);
        Assert.Equal("1.1.4", components[0].Outputs[0].Activities[^1].Id);
        Assert.Equal(["2.1", "2.2"], components[1].Outputs.Select(o => o.Id));
    }

    [Fact]
    public async Task Post_CoreIndicatorPreset_AddsItOnce()
    {
        var id = await browser.SeedJsonAsync("""{"schemaVersion":1,"basics":{"title":"Drainage for Ziguinchor, Senegal"}}""");
        var page = await browser.OpenAsync(Urls.Step(id, "indicators"));
        Assert.Equal(["Core1", "Core2", "Core3", "Core4"], page.Document.QuerySelectorAll("button[value^='preset:results.indicators:']")
            .Select(b => b.GetAttribute("value")!.Split(':')[^1].Replace("Preset.", "", StringComparison.Ordinal)));

        var first = await browser.SubmitStepAsync(id, "indicators", "preset:results.indicators:Preset.Core1", _ => { });
        var second = await browser.SubmitStepAsync(id, "indicators", "preset:results.indicators:Preset.Core1", _ => { });
        var other = await browser.SubmitStepAsync(id, "indicators", "preset:results.indicators:Preset.Core2", _ => { });

        Assert.Equal(Urls.Step(id, "indicators") + "#f-results-indicators-0", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var indicators = (await browser.StoredAsync(id)).Proposal.Results.Indicators;
        Assert.Equal([IrmfCore.Core1, IrmfCore.Core2], indicators.Select(i => i.IrmfCore));
        Assert.Equal("Core 1", indicators[0].Code);
        Assert.Equal("GHG emissions reduced, avoided or removed/sequestered", indicators[0].Name);
        Assert.Equal(ResultLevel.Impact, indicators[0].Level);
    }

    [Fact]
    public async Task Post_CoreIndicatorPreset_OnAProposalReportingIt_AddsNothing()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var before = (await browser.StoredAsync(id)).Proposal.Results.Indicators.Count;

        await browser.SubmitStepAsync(id, "indicators", "preset:results.indicators:Preset.Core1", _ => { });

        Assert.Equal(before, (await browser.StoredAsync(id)).Proposal.Results.Indicators.Count);
    }

    [Fact]
    public async Task Post_StandardAnnexes_AddsTheMissingOnesOnce()
    {
        var id = await browser.SeedJsonAsync("""{"schemaVersion":1,"annexes":[{"number":"1","type":"noObjectionLetter","title":"NOL signed by the NDA"}]}""");

        await browser.SubmitStepAsync(id, "annexes", "preset:annexes:Preset.StandardAnnexes", _ => { });
        await browser.SubmitStepAsync(id, "annexes", "preset:annexes:Preset.StandardAnnexes", _ => { });

        var annexes = (await browser.StoredAsync(id)).Proposal.Annexes;
        Assert.Equal(15, annexes.Count);
        Assert.Equal("NOL signed by the NDA", annexes[0].Title);
        Assert.Equal(annexes.Count, annexes.Select(a => a.Type).Distinct().Count());
    }

    [Fact]
    public async Task Post_AddToAFullList_IsRefusedWithAMessage()
    {
        var entities = new JsonArray(Enumerable.Range(1, 20).Select(i => (JsonNode)new JsonObject { ["name"] = $"Executing entity {i}" }).ToArray());
        var id = await browser.SeedJsonAsync(new JsonObject { ["schemaVersion"] = 1, ["applicant"] = new JsonObject { ["executingEntities"] = entities } }.ToJsonString());

        var response = await browser.SubmitStepAsync(id, "partners", "add:applicant.executingEntities", _ => { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        Assert.Equal("This list can hold at most 20 items.", page.Get("#f-action").TextContent.Trim());
        var link = page.Get(".error-summary a[href='#f-action']");
        Assert.Equal("This list can hold at most 20 items.", link.TextContent.Trim());
        Assert.Equal(1, await browser.StoredVersionAsync(id));
        Assert.Equal(20, (await browser.StoredAsync(id)).Proposal.Applicant.ExecutingEntities.Count);
    }

    [Fact]
    public async Task Post_PresetOverflowingAList_IsRefused_AndAddsNothing()
    {
        var annexes = new JsonArray(Enumerable.Range(1, 55).Select(i => (JsonNode)new JsonObject { ["number"] = $"X{i}", ["type"] = "other" }).ToArray());
        var id = await browser.SeedJsonAsync(new JsonObject { ["schemaVersion"] = 1, ["annexes"] = annexes }.ToJsonString());

        var response = await browser.SubmitStepAsync(id, "annexes", "preset:annexes:Preset.StandardAnnexes", _ => { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This list can hold at most 60 items.", (await WizardPage.ReadAsync(response)).Get("#f-action").TextContent.Trim());
        Assert.Equal(55, (await browser.StoredAsync(id)).Proposal.Annexes.Count);
    }

    [Fact]
    public async Task Post_MadeUpAction_ChangesNothing()
    {
        string[] actions =
        [
            "remove:nonsense[3]", "add:nonsense", "add:basics.title", "add:results.indicators", "add:applicant.executingEntities[0].name",
            "add:applicant.executingEntities[7].outputs", "remove:basics.title[0]", "remove:applicant.executingEntities",
            "remove:applicant.executingEntities[99]", "remove:applicant.executingEntities[-1]", "remove:applicant.executingEntities[x]",
            "remove:applicant.executingEntities[99999999999]", "remove:applicant.executingEntities[0", "remove:applicant.executingEntities[0].name",
            "remove:results.indicators[0]", "preset:applicant.executingEntities:Preset.Core1", "preset:results.indicators:Preset.Core1",
            "preset:", "add:", "remove:", "", "launch",
            // Shapes the page's buttons never have: long indices, leading zeros, odd characters.
            "remove:applicant.executingEntities[0000]", "add:components[" + new string('0', 5000) + "1].outputs", "add:basics.locations ",
        ];
        var id = await browser.SeedSampleAsync(Sample);
        var before = Normalised(await browser.StoredDocumentAsync(id));
        var problems = new List<string>();

        foreach (var action in actions)
        {
            var response = await browser.SubmitStepAsync(id, "partners", action, _ => { });

            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString != Urls.Step(id, "partners") + "#saved")
                problems.Add($"'{action}' answered {(int)response.StatusCode} {response.Headers.Location}");
            else if (Normalised(await browser.StoredDocumentAsync(id)) != before)
                problems.Add($"'{action}' changed the proposal");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Post_NotAForm_IsABadRequest()
    {
        var id = await browser.SeedSampleAsync(Sample);
        using var content = new StringContent("{\"action\":\"continue\"}", System.Text.Encoding.UTF8, "application/json");

        var response = await browser.Client.PostAsync(Urls.Step(id, "basics"), content);
        var autosave = await browser.Client.PostAsync(Urls.Autosave(id, "basics"), new StringContent("x", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
    }

    private static string Normalised(string json) => JsonSerializer.Serialize(JsonNode.Parse(json));
}
