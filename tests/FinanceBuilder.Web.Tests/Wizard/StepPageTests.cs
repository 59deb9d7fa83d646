using System.Globalization;
using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Every page of the step catalogue opens, in both languages, for every sample; a page that
/// does not apply sends the user to the task list; what is not there (or not theirs) is 404.
public sealed class StepPageTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser english;
    private readonly WizardBrowser french;

    public StepPageTests()
    {
        english = new WizardBrowser(app);
        french = new WizardBrowser(app, "fr");
    }

    public void Dispose()
    {
        english.Dispose();
        french.Dispose();
        app.Dispose();
    }

    /// A table's column hint (the annex title is a picture's caption) is written once above the
    /// table, and every cell of that column is described by it.
    [Theory]
    [InlineData("en", "For a picture (theory of change, organisation chart), the title is its caption")]
    [InlineData("fr", "Pour une image")]
    public async Task A_tables_column_hint_is_shown_above_it_and_describes_its_cells(string language, string hint)
    {
        var reader = language == "fr" ? french : english;
        var id = await reader.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var page = await reader.OpenAsync(Urls.Step(id, "annexes"));

        var note = page.Get("p.hint[id$='-column-hint']");
        Assert.Contains(hint, note.TextContent, StringComparison.Ordinal);
        var titles = page.Document.QuerySelectorAll("input[name^='annexes['][name$='].title']");
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains(note.Id!, t.GetAttribute("aria-describedby")!.Split(' ')));
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task Get_EveryStep_Renders_InEnglishAndFrench(string sample)
    {
        var id = await english.SeedSampleAsync(sample);
        var (_, proposal) = await english.StoredAsync(id);
        var problems = new List<string>();

        foreach (var step in StepCatalogue.All)
        {
            foreach (var (browser, language) in new[] { (english, "en"), (french, "fr") })
            {
                var page = await browser.GetAsync(Urls.Step(id, step.Id));
                if (!step.IsApplicable(proposal))
                {
                    if (page.Status != HttpStatusCode.Redirect || page.Response.Headers.Location?.OriginalString != Urls.TaskList(id))
                        problems.Add($"{step.Id} ({language}) does not apply but answered {(int)page.Status} {page.Response.Headers.Location}");
                    continue;
                }
                if (page.Status != HttpStatusCode.OK)
                {
                    problems.Add($"{step.Id} ({language}) answered {(int)page.Status}");
                    continue;
                }
                var culture = CultureInfo.GetCultureInfo(language);
                if (page.Document.DocumentElement.GetAttribute("lang") != language)
                    problems.Add($"{step.Id} ({language}) is not marked lang=\"{language}\"");
                if (page.Find("h1")?.TextContent.Trim() != ProposalText.Get("Step." + step.Id, culture))
                    problems.Add($"{step.Id} ({language}) has the heading '{page.Find("h1")?.TextContent.Trim()}'");
                if (page.Find("form[data-step]") is not { } form || form.GetAttribute("data-step") != step.Id)
                    problems.Add($"{step.Id} ({language}) has no form of its own");
                else if (page.StepForm()["version"] != "1" || string.IsNullOrEmpty(page.StepForm()["__RequestVerificationToken"]))
                    problems.Add($"{step.Id} ({language}) carries no version or no antiforgery token");
                problems.AddRange(BrokenReferences(page).Select(p => $"{step.Id} ({language}): {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// Ids that repeat, and labels or descriptions that point at nothing: what a screen reader
    /// would announce wrongly.
    internal static IEnumerable<string> BrokenReferences(WizardPage page)
    {
        var ids = page.Document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        foreach (var id in ids.GroupBy(i => i, StringComparer.Ordinal).Where(g => g.Count() > 1))
            yield return $"the id '{id.Key}' is used {id.Count()} times";
        var known = ids.ToHashSet(StringComparer.Ordinal);
        foreach (var label in page.Document.QuerySelectorAll("label[for]"))
        {
            if (!known.Contains(label.GetAttribute("for")!))
                yield return $"the label '{label.TextContent.Trim()}' is for '{label.GetAttribute("for")}', which is not on the page";
        }
        foreach (var element in page.Document.QuerySelectorAll("[aria-describedby], [aria-labelledby]"))
        {
            foreach (var id in $"{element.GetAttribute("aria-describedby")} {element.GetAttribute("aria-labelledby")}".Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!known.Contains(id))
                    yield return $"<{element.LocalName} id='{element.Id}'> refers to '{id}', which is not on the page";
            }
        }
    }

    [Theory]
    [InlineData("""{"schemaVersion":1}""")]
    [InlineData("""{"schemaVersion":1,"target":{"fund":"gcf","route":"readiness"},"language":"fr"}""")]
    [InlineData("""{"schemaVersion":1,"target":{"fund":"gcf","route":"sap"},"basics":{"focus":"adaptation"}}""")]
    public async Task Get_EveryStepOfANearlyEmptyProposal_Renders(string json)
    {
        var id = await english.SeedJsonAsync(json);
        var (_, proposal) = await english.StoredAsync(id);
        var problems = new List<string>();

        foreach (var url in StepCatalogue.For(proposal).Select(s => Urls.Step(id, s.Id)).Concat([Urls.TaskList(id), Urls.CheckAnswers(id)]))
        {
            foreach (var browser in new[] { english, french })
            {
                var page = await browser.GetAsync(url);
                if (page.Status != HttpStatusCode.OK)
                    problems.Add($"{url} ({browser.Client.DefaultRequestHeaders.AcceptLanguage}) answered {(int)page.Status}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("mitigation-tamale-solar-led.json", "adaptation")]
    [InlineData("adaptation-cotonou-drainage-fr.json", "mitigation")]
    [InlineData("adaptation-cotonou-drainage-fr.json", "baseline-emissions")]
    public async Task Get_StepThatDoesNotApply_RedirectsToTheTaskList(string sample, string step)
    {
        var id = await english.SeedSampleAsync(sample);

        var response = await english.Client.GetAsync(Urls.Step(id, step));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.TaskList(id), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_CrossCuttingProposal_OffersEveryStepOfTheCatalogue_ButThePpfRequest()
    {
        var id = await english.SeedSampleAsync("crosscutting-cuenca-watershed-bus.json");

        var taskList = await english.OpenAsync(Urls.TaskList(id));

        var linked = taskList.Document.QuerySelectorAll(".task-list a[aria-describedby]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(StepCatalogue.All.Where(s => s != PreparationSteps.Request).Select(s => Urls.Step(id, s.Id)), linked);
    }

    /// The PPF request page is offered on the PPF route only, after the financing page.
    [Fact]
    public async Task Get_PpfRequest_IsOfferedOnThePpfRoute()
    {
        var id = await english.SeedSampleAsync("ppf-saint-louis-coastal-fr.json");

        var taskList = await english.OpenAsync(Urls.TaskList(id));
        var page = await english.OpenAsync(Urls.Step(id, "ppf-request"));

        var linked = taskList.Document.QuerySelectorAll(".task-list a[aria-describedby]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(linked.IndexOf(Urls.Step(id, "financing")) + 1, linked.IndexOf(Urls.Step(id, "ppf-request")));
        Assert.Equal(6, page.Document.QuerySelectorAll("[name$='.deliverable']").Length);
        Assert.Contains("Dossiers d’appel d’offres des lots 1 et 2", page.Document.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownStepOrProposal_OrAnotherOrganisations_Returns404()
    {
        var id = await english.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var unknown = Guid.NewGuid();
        var foreign = await AddForeignProposalAsync();
        string[] urls =
        [
            $"/proposals/{id}/no-such-step", $"/proposals/{id}/Basics", $"/proposals/{id}/basics/more",
            $"/proposals/{unknown}", $"/proposals/{unknown}/basics", $"/proposals/{unknown}/check-answers", $"/proposals/{unknown}/delete", $"/proposals/{unknown}/export",
            $"/proposals/{foreign}", $"/proposals/{foreign}/basics", $"/proposals/{foreign}/check-answers", $"/proposals/{foreign}/delete", $"/proposals/{foreign}/export",
        ];

        var answers = new List<string>();
        foreach (var url in urls)
            answers.Add($"{url} {(int)(await english.Client.GetAsync(url)).StatusCode}");

        Assert.Equal(urls.Select(u => $"{u} 404"), answers);
    }

    [Fact]
    public async Task Post_ToAProposalOfAnotherOrganisation_Returns404_AndChangesNothing()
    {
        var id = await english.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var page = await english.OpenAsync(Urls.Step(id, "basics"));
        var form = page.StepForm().Change("basics.title", "Written into another organisation's proposal").Set("action", "continue");
        var foreignId = await AddForeignProposalAsync();

        var response = await english.PostAsync(Urls.Step(foreignId, "basics"), form);
        var autosave = await english.PostAsync(Urls.Autosave(foreignId, "basics"), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, autosave.StatusCode);
        var (version, proposal) = await english.StoredAsync(foreignId);
        Assert.Equal(1, version);
        Assert.Equal("CANARY-OTHER-TENANT", proposal.Basics.Title);
    }

    private async Task<Guid> AddForeignProposalAsync()
    {
        await english.Client.GetAsync("/health");
        var foreignId = Guid.NewGuid();
        var otherOrganisation = Guid.NewGuid();
        using var db = app.OpenDb();
        db.Organisations.Add(new OrganisationRecord { Id = otherOrganisation, Name = "Other municipality", CreatedAt = DateTime.UtcNow });
        db.Proposals.Add(new ProposalRecord
        {
            Id = foreignId,
            OwnerOrganisationId = otherOrganisation,
            Title = "CANARY-OTHER-TENANT",
            Fund = "gcf",
            Version = 1,
            SchemaVersion = 1,
            Document = """{"schemaVersion":1,"basics":{"title":"CANARY-OTHER-TENANT"}}""",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return foreignId;
    }
}
