using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests.Infrastructure;

/// Drives wizard pages the way a person does — by the fields' names, the buttons' values — and
/// checks each page it meets with axe, writing a screenshot of it as a test artefact.
public sealed class WizardDriver(IPage page, string run)
{
    public IPage Page { get; } = page;

    public static string ScreenshotFolder { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("FB_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public bool JavaScript { get; init; } = true;

    /// Whether pages are checked with axe and photographed. test.sh's PostgreSQL pass says
    /// FB_BROWSER_LOOKS=off: how a page looks and reads is the same on either database and is
    /// checked on the SQLite pass; the PostgreSQL pass checks what the pages do.
    public static bool LooksChecked { get; } = Environment.GetEnvironmentVariable("FB_BROWSER_LOOKS") != "off";

    public async Task GoAsync(string url)
    {
        await Page.GotoAsync(url);
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    private ILocator Named(string name) => Page.Locator($"[name=\"{name}\"]");

    public Task FillAsync(string name, string value) => Named(name).First.FillAsync(value);

    /// Chooses an option of a select, a radio button or a checkbox. A question that changes the
    /// page (data-refresh) reloads it when JavaScript runs.
    public async Task ChooseAsync(string name, string value)
    {
        var first = Named(name).First;
        var refresh = await first.GetAttributeAsync("data-refresh") is not null && JavaScript;
        var isSelect = await first.EvaluateAsync<string>("e => e.tagName") == "SELECT";
        async Task Act()
        {
            if (isSelect)
                await first.SelectOptionAsync(value);
            else
                await Page.Locator($"[name=\"{name}\"][value=\"{value}\"]").CheckAsync();
        }
        if (refresh)
            await NavigatingAsync(Act);
        else
            await Act();
    }

    /// Runs an action that loads another page and waits for it. Playwright marks this helper
    /// obsolete in favour of WaitForURL, but a save that comes back to the same address (with
    /// another fragment, or the same page with errors) has no new URL to wait for.
#pragma warning disable CS0612
    public Task NavigatingAsync(Func<Task> action) => Page.RunAndWaitForNavigationAsync(action);
#pragma warning restore CS0612

    /// Presses a form button by its action ("continue", "add:risks") and waits for the next page.
    public Task PressAsync(string action) =>
        NavigatingAsync(() => Page.Locator($"button[name=\"action\"][value=\"{action}\"] >> visible=true").First.ClickAsync());

    /// Presses Enter in a one-line field: the form's default action, "save and stay".
    public Task EnterAsync(string name) => NavigatingAsync(() => Named(name).First.PressAsync("Enter"));

    public async Task<string> ValueAsync(string name) => await Named(name).First.InputValueAsync();

    /// axe-core on the page: no serious or critical violation (WCAG 2.1 AA rules).
    public async Task CheckAccessibilityAsync(string what)
    {
        if (!LooksChecked)
            return;
        var serious = await AxeCheck.SeriousViolationsAsync(Page);
        Assert.True(serious.Count == 0, $"{what}: " + string.Join("\n", serious));
    }

    public async Task ScreenshotAsync(string name)
    {
        if (LooksChecked)
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name), FullPage = true });
    }

    /// Where the screenshot called <paramref name="name"/> of this run goes (its folder made).
    public string ScreenshotPath(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        return Path.Combine(ScreenshotFolder, $"{run}-{name}.png");
    }

    /// The page is checked and photographed: called on every page a journey meets.
    public async Task LookAsync(string name)
    {
        await CheckAccessibilityAsync(run + " " + name);
        await ScreenshotAsync(name);
    }
}
