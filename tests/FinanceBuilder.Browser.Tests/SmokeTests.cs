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

    /// The check itself finds what it is there to find: an unlabelled field and a picture
    /// without text fail it, with the rule and the element named.
    [Fact]
    public async Task AccessibilityCheck_FindsAnUnlabelledFieldAndAPictureWithoutText()
    {
        await using var context = await browsers.NewContextAsync(signInAs: null);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""<html lang="en"><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="logo"><input type="text" id="amount"></main></body></html>""");
        var serious = await AxeCheck.SeriousViolationsAsync(page);
        Assert.Contains(serious, v => v.StartsWith("image-alt (critical)", StringComparison.Ordinal) && v.Contains("#logo", StringComparison.Ordinal));
        Assert.Contains(serious, v => v.StartsWith("label (critical)", StringComparison.Ordinal) && v.Contains("#amount", StringComparison.Ordinal));
    }
}
