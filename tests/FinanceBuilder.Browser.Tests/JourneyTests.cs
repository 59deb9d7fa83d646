using System.Globalization;
using System.Text.RegularExpressions;
using FinanceBuilder.Browser.Tests.Infrastructure;
using FinanceBuilder.Web.Questionnaire;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// A new user writes a complete proposal from a blank page to "check your answers" through the
/// pages only: in French on a wide screen with JavaScript, in English on a 360-pixel phone
/// without JavaScript. Every page is checked with axe and photographed.
[Collection("browser")]
public sealed partial class JourneyTests(Browsers browsers)
{
    [Theory]
    [InlineData("fr", 1280, true)]
    [InlineData("en", 360, false)]
    public async Task BlankPageToCheckAnswers_EveryPage(string language, int width, bool javaScript)
    {
        var culture = new CultureInfo(language);
        await using var context = await browsers.NewContextAsync(width: width, locale: language == "fr" ? "fr-FR" : "en-GB", javaScript: javaScript);
        var page = await context.NewPageAsync();
        var run = $"journey-{language}-{width}{(javaScript ? "" : "-nojs")}";
        var driver = new WizardDriver(page, run) { JavaScript = javaScript };

        // The language is chosen on the page, as a user does, and remembered.
        await driver.GoAsync("/");
        await driver.NavigatingAsync(() => page.Locator($"a[hreflang=\"{language}\"]").ClickAsync());
        await Look(driver, "home");
        await driver.NavigatingAsync(() => page.Locator("a[href=\"/proposals/new\"]").First.ClickAsync());
        await driver.ChooseAsync("route", "FundingProposal");
        await driver.ChooseAsync("language", language == "fr" ? "Fr" : "En");
        await driver.FillAsync("title", "Tamale");
        await Look(driver, "new");
        await driver.NavigatingAsync(() => page.Locator("main form button[type=submit]").ClickAsync());
        Assert.Matches(TaskListUrl(), page.Url);
        await Look(driver, "task-list-empty");
        var taskList = page.Url;

        // The route was chosen when creating, so "next thing to do" already points past the
        // first page; the journey starts at the top of the task list.
        Assert.EndsWith("/applicant", await page.Locator(".next-step a").GetAttributeAsync("href"));
        await driver.NavigatingAsync(() => page.Locator(".task-list a").First.ClickAsync());
        // Every page but the PPF request's, asked on the PPF route only (LiveTruthTests walks it).
        var expected = StepCatalogue.All.Where(s => s != PreparationSteps.Request).Select(s => s.Id).ToList();
        var visited = new List<string>();
        foreach (var (step, answer) in JourneyAnswers.Pages)
        {
            Assert.EndsWith("/" + step, new Uri(page.Url).AbsolutePath);
            visited.Add(step);
            if (javaScript)
                await driver.CheckAccessibilityAsync(step);
            await answer(driver, culture);
            // Photographed once answered: the computed panels and lists show what they hold.
            await driver.ScreenshotAsync($"{visited.Count:00}-{step}");
            await AssertFitsAsync(page, step);
            await driver.PressAsync("continue");
            // A refused save (role=alert); check-answers' list of problems is not one.
            var summary = page.Locator(".error-summary[role=alert]");
            Assert.True(await summary.CountAsync() == 0, $"{step}: {(await summary.CountAsync() > 0 ? await summary.InnerTextAsync() : "")}");
        }
        Assert.Equal(expected, visited);

        Assert.EndsWith("/check-answers", new Uri(page.Url).AbsolutePath);
        await Look(driver, "check-answers");
        var answers = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Tamale solar street lighting and flood drainage, Ghana", answers, StringComparison.Ordinal);
        Assert.Contains("LED street lighting", answers, StringComparison.Ordinal);
        Assert.Contains(JourneyAnswers.N(1200000, culture), answers.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("Escrow account funded from the savings.", answers, StringComparison.Ordinal);

        // The LED savings were computed from what was typed: 2,000 × (0.17 − 0.06) kW × 4,100 h
        // = 902 MWh a year × 0.5 tCO2/MWh = 451 tCO2 a year (gcf-reference §12.2).
        var id = new Uri(taskList).AbsolutePath.Split('/')[^1];
        var report = await page.APIRequest.GetAsync($"/api/proposals/{id}/validation");
        var figures = System.Text.Json.JsonDocument.Parse(await report.TextAsync()).RootElement.GetProperty("figures");
        Assert.Equal(451m, Math.Round(figures.GetProperty("annualTco2e").GetDecimal()));

        // Every page now shows answers: none is left "not started".
        await driver.GoAsync(taskList);
        await Look(driver, "task-list-done");
        var notStarted = page.Locator(".task .tag--notstarted");
        Assert.Equal(0, await notStarted.CountAsync());

        await AssertFitsAsync(page, "task list");

        // The package: from "check your answers" to the generate page, a look at the preview,
        // then the zip as the browser downloads it — in the journey's language, every file in it.
        await driver.GoAsync(new Uri(taskList).AbsolutePath + "/check-answers");
        await driver.NavigatingAsync(() => page.Locator($"a[href=\"/proposals/{id}/package\"]").First.ClickAsync());
        await Look(driver, "package");
        await AssertFitsAsync(page, "package");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button[name=file][value=zip]").ClickAsync());
        Assert.Matches(@"^FP-[A-Za-z0-9-]+-\d{8}(-DRAFT|-BROUILLON)?\.zip$", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{run}-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(saved);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(saved))
        {
            Assert.Equal(7, zip.Entries.Count);
            using var manifest = System.Text.Json.JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            Assert.Equal(language, manifest.RootElement.GetProperty("language").GetString());
            Assert.Equal("gcf-funding-proposal", manifest.RootElement.GetProperty("template").GetProperty("id").GetString());
        }
        File.Delete(saved);
        await driver.NavigatingAsync(() => page.Locator($"a[href=\"/proposals/{id}/preview/gcf-funding-proposal\"]").First.ClickAsync());
        await Look(driver, "preview");
        await AssertFitsAsync(page, "preview");
    }

    /// Nothing makes the page wider than the screen: wide tables scroll inside their own box.
    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow <= 1)
            return;
        var culprits = await page.EvaluateAsync<string>(@"() => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 )
            .slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
            + ' | overflowing: ' + Array.from(document.querySelectorAll('*')).filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
              .slice(-6).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + e.scrollWidth + '/' + e.clientWidth).join('; ')");
        Assert.Fail($"{what}: the page is {overflow} px wider than the screen: {culprits}");
    }

    /// axe needs JavaScript in the page; without it, the same HTML was already checked by the run with it.
    private static async Task Look(WizardDriver driver, string name)
    {
        if (driver.JavaScript)
            await driver.CheckAccessibilityAsync(name);
        await driver.ScreenshotAsync(name);
    }

    [GeneratedRegex(@"/proposals/[0-9a-f-]{36}$")]
    private static partial Regex TaskListUrl();
}
