using System.Net;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Two people on the same page (design D10): the second save, made from an older version, is
/// never written over the first; it shows both answers and lets the user keep theirs or copy.
public sealed class EditConflictTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser alice;
    private readonly WizardBrowser bob;

    public EditConflictTests()
    {
        alice = new WizardBrowser(app);
        bob = new WizardBrowser(app);
    }

    public void Dispose()
    {
        alice.Dispose();
        bob.Dispose();
        app.Dispose();
    }

    /// Both open the page; Alice saves; Bob then saves from the version he opened.
    private async Task<(Guid Id, WizardPage Conflict)> ConflictAsync()
    {
        var id = await alice.SeedSampleAsync(Sample);
        var alicePage = await alice.OpenAsync(Urls.Step(id, "basics"));
        var bobPage = await bob.OpenAsync(Urls.Step(id, "basics"));
        Assert.Equal("1", alicePage.StepForm()["version"]);
        Assert.Equal(alicePage.StepForm()["version"], bobPage.StepForm()["version"]);

        var saved = await alice.PostAsync(alicePage.FormAction(), alicePage.StepForm()
            .Change("basics.title", "Tamale solar street lighting, Ghana (Alice)").Set("action", "continue"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stale = await bob.PostAsync(bobPage.FormAction(), bobPage.StepForm()
            .Change("basics.title", "Tamale public buildings solar, Ghana (Bob)")
            .Change("basics.economicSector", "BuildingsAndCities")
            .Set("action", "continue"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        return (id, await WizardPage.ReadAsync(stale));
    }

    [Fact]
    public async Task Post_FromAnOlderVersion_WithoutAnItemAddedMeanwhile_IsAConflict()
    {
        var id = await alice.SeedSampleAsync(Sample);
        var bobPage = await bob.OpenAsync(Urls.Step(id, "partners"));
        var added = await alice.SubmitStepAsync(id, "partners", "add:applicant.executingEntities", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // Bob's page does not have Alice's new (still blank) executing entity: his post would drop it.
        var stale = await bob.PostAsync(bobPage.FormAction(), bobPage.StepForm().Set("action", "continue"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotNull((await WizardPage.ReadAsync(stale)).Find(".conflict"));
        var (_, proposal) = await alice.StoredAsync(id);
        Assert.Equal(bobPage.StepForm()["applicant.executingEntities.count"], (proposal.Applicant.ExecutingEntities.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_FromAnOlderVersion_ShowsBothAnswers_AndOverwritesNothing()
    {
        var (id, page) = await ConflictAsync();

        var box = page.Get(".conflict");
        var rows = box.QuerySelectorAll("table.compare tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(["Tamale solar street lighting, Ghana (Alice)", "Tamale public buildings solar, Ghana (Bob)"], rows["Project title"]);
        Assert.Equal(["Energy", "Buildings and cities"], rows["Main sector"]);
        Assert.Equal(2, rows.Count);
        // When, not which autosave revision: "versions" are what is submitted (V.001).
        Assert.Contains("Someone saved this page at", box.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("version", box.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Tamale public buildings solar, Ghana (Bob)", page.FieldValue("f-basics-title"));
        Assert.Equal("2", page.StepForm()["version"]);
        Assert.Empty(StepPageTests.BrokenReferences(page));
        var (version, proposal) = await alice.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal("Tamale solar street lighting, Ghana (Alice)", proposal.Basics.Title);
    }

    [Fact]
    public async Task Post_KeepMine_FromTheConflictPage_Saves()
    {
        var (id, page) = await ConflictAsync();

        var response = await bob.PostAsync(page.FormAction(), page.StepForm().Set("action", "save"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (version, proposal) = await bob.StoredAsync(id);
        Assert.Equal(3, version);
        Assert.Equal("Tamale public buildings solar, Ghana (Bob)", proposal.Basics.Title);
        Assert.Equal(EconomicSector.BuildingsAndCities, proposal.Basics.EconomicSector);
    }

    [Fact]
    public async Task Post_SaveAsCopy_FromTheConflictPage_CreatesACopy_AndLeavesTheOriginal()
    {
        var (id, page) = await ConflictAsync();

        var response = await bob.PostAsync(page.FormAction(), page.StepForm().Set("action", "copy"));

        AssertCopied(response, id);
        var (version, original) = await bob.StoredAsync(id);
        Assert.Equal(2, version);
        Assert.Equal("Tamale solar street lighting, Ghana (Alice)", original.Basics.Title);
        Assert.Equal(EconomicSector.Energy, original.Basics.EconomicSector);
        var copyId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2]);
        var (_, copy) = await bob.StoredAsync(copyId);
        Assert.Equal("Copy of Tamale public buildings solar, Ghana (Bob)", copy.Basics.Title);
        Assert.Equal(EconomicSector.BuildingsAndCities, copy.Basics.EconomicSector);
        Assert.Equal(original.Budget.Lines.Count, copy.Budget.Lines.Count);
        var taskList = await bob.FollowAsync(response);
        Assert.Contains("This is a copy: the original proposal is unchanged.", taskList.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CopyFromTheOlderVersion_CreatesACopy_AndLeavesTheOriginal()
    {
        var id = await alice.SeedSampleAsync(Sample);
        var bobPage = await bob.OpenAsync(Urls.Step(id, "basics"));
        await alice.SubmitStepAsync(id, "basics", "save", form => form.Change("basics.title", "Saved by Alice"));

        var response = await bob.PostAsync(bobPage.FormAction(), bobPage.StepForm().Change("basics.title", "Typed by Bob").Set("action", "copy"));

        AssertCopied(response, id);
        Assert.Equal("Saved by Alice", (await bob.StoredAsync(id)).Proposal.Basics.Title);
        using var db = app.OpenDb();
        Assert.Equal(["Copy of Typed by Bob", "Saved by Alice"], await db.Proposals.Select(p => p.Title!).OrderBy(t => t).ToListAsync());
    }

    [Fact]
    public async Task Post_CopyOfALongTitle_KeepsTheTitleWithinItsLimit()
    {
        var id = await alice.SeedSampleAsync(Sample);
        var bobPage = await bob.OpenAsync(Urls.Step(id, "basics"));
        await alice.SubmitStepAsync(id, "basics", "save", form => form.Change("basics.title", "Saved by Alice"));

        var response = await bob.PostAsync(bobPage.FormAction(), bobPage.StepForm().Change("basics.title", new string('T', 500)).Set("action", "copy"));

        AssertCopied(response, id);
        var copyId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2]);
        Assert.Equal(500, (await bob.StoredAsync(copyId)).Proposal.Basics.Title!.Length);
        var saved = await bob.SubmitStepAsync(copyId, "basics", "save", _ => { });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private static void AssertCopied(HttpResponseMessage response, Guid original)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/proposals/[0-9a-f-]{36}\\?copied=1$", location);
        Assert.DoesNotContain(original.ToString(), location, StringComparison.Ordinal);
    }
}
