using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The task list: statuses, the next thing to do, optional pages.
public sealed class TaskListTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public TaskListTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task OptionalPageLeftEmpty_ReadsOptional_AndIsNotTheNextThingToDo()
    {
        // The Tamale sample protects no natural resource, and answers every required page.
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var page = await browser.OpenAsync(Urls.TaskList(id));

        var resources = page.Get("#status-natural-resources");
        Assert.Equal("Optional", resources.TextContent.Trim());
        Assert.Contains("tag--optional", resources.ClassName, StringComparison.Ordinal);
        Assert.Null(page.Find(".next-step a[href$='/natural-resources']"));
        Assert.Empty(page.Document.QuerySelectorAll(".tag--notstarted"));
    }

    [Fact]
    public async Task NewProposal_NextThingToDo_IsTheFirstRequiredPageNotDone()
    {
        var id = await browser.SeedJsonAsync("""{"schemaVersion":1,"target":{"fund":"gcf","route":"conceptNote","templateVersion":"GCF-FP-V3.0"}}""");

        var page = await browser.OpenAsync(Urls.TaskList(id));

        Assert.EndsWith("/applicant", page.Get(".next-step a").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Not started", page.Get("#status-applicant").TextContent.Trim());
    }
}
