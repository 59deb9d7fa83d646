using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// What must never go wrong while people type: errors are clear and keep the input, autosave
/// survives a reload, a lost connection or an expired session, and two tabs never overwrite
/// each other silently.
[Collection("browser")]
public sealed class WizardBehaviourTests(Browsers browsers)
{
    private static async Task<string> NewProposalAsync(WizardDriver driver, string language = "En")
    {
        await driver.GoAsync("/proposals/new");
        await driver.ChooseAsync("route", "ConceptNote");
        await driver.ChooseAsync("language", language);
        await driver.NavigatingAsync(() => driver.Page.Locator("main form button[type=submit]").ClickAsync());
        return driver.Page.Url;
    }

    private static Task WaitForStatusAsync(IPage page, string text) =>
        Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync(text, new() { Timeout = 15_000 });

    [Fact]
    public async Task InvalidNumber_ShowsSummaryLinkedToField_KeepsInput_SavesNothing()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "validation");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/applicant");
        await driver.FillAsync("applicant.proponent.name", "Commune de Porto-Novo");
        await driver.FillAsync("applicant.proponent.population", "about 260k");
        await driver.PressAsync("continue");

        Assert.EndsWith("/applicant", new Uri(page.Url).AbsolutePath);
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("contains a letter");
        Assert.Equal("about 260k", await driver.ValueAsync("applicant.proponent.population"));
        Assert.Equal("Commune de Porto-Novo", await driver.ValueAsync("applicant.proponent.name"));
        Assert.Equal("true", await page.Locator("#f-applicant-proponent-population").GetAttributeAsync("aria-invalid"));
        await driver.LookAsync("error-summary");

        // The summary's link takes the keyboard to the field.
        await summary.Locator("a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#f-applicant-proponent-population")).ToBeFocusedAsync();

        // Nothing was saved: another browser (no draft of this one) sees the page as it was…
        await using var elsewhere = await browsers.NewContextAsync();
        var look = new WizardDriver(await elsewhere.NewPageAsync(), "validation-elsewhere");
        await look.GoAsync(proposal + "/applicant");
        // (the name the new proposal was given from the organisation, not the one typed).
        Assert.Equal("Workspace", await look.ValueAsync("applicant.proponent.name"));

        // …while this browser still has what was typed, kept as a draft and put back.
        await driver.GoAsync(proposal + "/applicant");
        Assert.Equal("Commune de Porto-Novo", await driver.ValueAsync("applicant.proponent.name"));
    }

    [Fact]
    public async Task Autosave_SavesWhileTyping_AndSurvivesReload()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "autosave");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/climate-context");
        await page.Locator("[name=\"climateRationale.context\"]").PressSequentiallyAsync("Floods in the lower town every rainy season.");
        await WaitForStatusAsync(page, "Saved at");
        await driver.ScreenshotAsync("saved-at");

        await page.ReloadAsync();
        Assert.Equal("Floods in the lower town every rainy season.", await driver.ValueAsync("climateRationale.context"));
    }

    [Fact]
    public async Task Offline_TextKeptInBrowser_RestoredAndSavedAfterReload()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "offline");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/governance");

        // The server cannot be reached for saving (the connection dropped while typing).
        await page.RouteAsync("**/*handler=Autosave*", route => route.AbortAsync());
        await page.Locator("[name=\"governance.steeringCommittee\"]").FillAsync("Mayor, two councillors, the utility and a women's group.");
        await WaitForStatusAsync(page, "server cannot be reached");
        await driver.ScreenshotAsync("offline");

        // A reload comes back with the last saved (empty) answer; the browser puts the typed
        // text back, says so, and saves it once the server answers again.
        await page.UnrouteAllAsync();
        await page.ReloadAsync();
        Assert.Equal("Mayor, two councillors, the utility and a women's group.", await driver.ValueAsync("governance.steeringCommittee"));
        await WaitForStatusAsync(page, "Saved at");
        await page.EvaluateAsync("() => localStorage.clear()");
        await page.ReloadAsync();
        Assert.Equal("Mayor, two councillors, the utility and a women's group.", await driver.ValueAsync("governance.steeringCommittee"));
    }

    [Fact]
    public async Task ExpiredSession_WhileTyping_DoesNotLoseText()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "expired");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/governance");

        // The antiforgery cookie is gone (it expired, or the browser dropped it) while the person
        // stays signed in: the autosave is refused, takes a fresh token and saves.
        await context.ClearCookiesAsync(new() { Name = "__Host-fb-af" });
        await page.Locator("[name=\"governance.procurement\"]").FillAsync("National procurement rules, open tender above USD 50,000.");
        await WaitForStatusAsync(page, "Saved at");
        await page.ReloadAsync();
        Assert.Equal("National procurement rules, open tender above USD 50,000.", await driver.ValueAsync("governance.procurement"));

        // Without JavaScript the same happens through the form: the page comes back with the
        // text and a notice, and the next click saves it.
        await using var plain = await browsers.NewContextAsync(javaScript: false);
        var plainPage = await plain.NewPageAsync();
        var plainDriver = new WizardDriver(plainPage, "expired-nojs") { JavaScript = false };
        await plainDriver.GoAsync(proposal + "/governance");
        await plain.ClearCookiesAsync(new() { Name = "__Host-fb-af" });
        await plainDriver.FillAsync("governance.flowOfFunds", "Grant to a dedicated account at the Bank of Ghana.");
        await plainDriver.PressAsync("later");
        await Assertions.Expect(plainPage.Locator(".notice--warning")).ToContainTextAsync("session expired");
        Assert.Equal("Grant to a dedicated account at the Bank of Ghana.", await plainDriver.ValueAsync("governance.flowOfFunds"));
        await plainDriver.ScreenshotAsync("session-expired");
        await plainDriver.PressAsync("later");
        Assert.DoesNotContain("/governance", plainPage.Url, StringComparison.Ordinal);
        await plainDriver.GoAsync(proposal + "/governance");
        Assert.Equal("Grant to a dedicated account at the Bank of Ghana.", await plainDriver.ValueAsync("governance.flowOfFunds"));
    }

    [Fact]
    public async Task TwoTabs_StaleSave_ShowsBothVersions_ThenKeepsTheChosenOne()
    {
        await using var context = await browsers.NewContextAsync();
        var first = await context.NewPageAsync();
        var driver = new WizardDriver(first, "conflict");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/governance");
        var second = await context.NewPageAsync();
        var other = new WizardDriver(second, "conflict-tab2");
        await other.GoAsync(proposal + "/governance");

        // Tab 1 saves first.
        await driver.FillAsync("governance.steeringCommittee", "Chaired by the mayor.");
        await driver.PressAsync("later");

        // Tab 2, still on the old version, is told — never silently overwritten.
        await second.Locator("[name=\"governance.steeringCommittee\"]").FillAsync("Chaired by the regional governor.");
        await WaitForStatusAsync(second, "Someone else saved this proposal");
        await other.NavigatingAsync(() => second.Locator("[data-autosave-status] button").ClickAsync());
        var conflict = second.Locator(".conflict");
        await Assertions.Expect(conflict).ToBeFocusedAsync();
        await Assertions.Expect(conflict).ToContainTextAsync("Chaired by the mayor.");
        await Assertions.Expect(conflict).ToContainTextAsync("Chaired by the regional governor.");
        await other.LookAsync("conflict");

        // The stored answer is still tab 1's until tab 2 chooses.
        await driver.GoAsync(proposal + "/governance");
        Assert.Equal("Chaired by the mayor.", await driver.ValueAsync("governance.steeringCommittee"));

        await other.PressAsync("save");
        Assert.Equal(0, await second.Locator(".conflict").CountAsync());
        await driver.GoAsync(proposal + "/governance");
        Assert.Equal("Chaired by the regional governor.", await driver.ValueAsync("governance.steeringCommittee"));
    }

    [Fact]
    public async Task French_NumbersAndDates_ReadAndShownInFrench()
    {
        await using var context = await browsers.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "french");
        await driver.GoAsync("/language/fr?returnUrl=/");
        var proposal = await NewProposalAsync(driver, "Fr");
        await driver.GoAsync(proposal + "/applicant");
        await driver.FillAsync("applicant.proponent.annualBudget.amount", "1 250 000,50");
        await driver.ChooseAsync("applicant.proponent.annualBudget.currency", "XOF");
        await driver.EnterAsync("applicant.proponent.annualBudget.amount");
        Assert.Equal("1 250 000,5", (await driver.ValueAsync("applicant.proponent.annualBudget.amount")).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Votre organisation");

        // "1.5" is not a French number: refused with a French message, not read as 15.
        await driver.FillAsync("applicant.proponent.population", "1.5");
        await driver.EnterAsync("applicant.proponent.population");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("nombre entier");
        await driver.LookAsync("french-error");
    }
}
