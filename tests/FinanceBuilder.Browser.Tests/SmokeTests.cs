using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

[Collection("browser")]
public sealed class SmokeTests(Browsers browsers)
{
    [Fact]
    public async Task HomeAndNewProposal_AreAccessible()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "smoke");
        await driver.GoAsync("/");
        await driver.LookAsync("home");
        await driver.GoAsync("/proposals/new");
        await driver.LookAsync("new");
        await driver.GoAsync("/proposals/import");
        await driver.LookAsync("import");

        // The import page's refusal, and the delete confirmation, are pages too.
        await driver.NavigatingAsync(() => page.Locator("main form button[type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await driver.LookAsync("import-error");
        await driver.GoAsync("/proposals/new");
        await driver.ChooseAsync("route", "Sap");
        await driver.NavigatingAsync(() => page.Locator("main form button[type=submit]").ClickAsync());
        await driver.GoAsync(page.Url + "/delete");
        await driver.LookAsync("delete");
        await driver.NavigatingAsync(() => page.Locator(".button--danger").ClickAsync());
        await Assertions.Expect(page.Locator(".notice--success")).ToBeVisibleAsync();
    }
}
