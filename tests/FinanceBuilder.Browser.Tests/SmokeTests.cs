using FinanceBuilder.Browser.Tests.Infrastructure;

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
    }
}
