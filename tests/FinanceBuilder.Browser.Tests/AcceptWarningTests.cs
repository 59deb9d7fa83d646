using System.Text.Json.Nodes;
using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// "Accept with a reason" as an officer uses it: the button under the warning, a page that says
/// what is accepted and by whom, and back to the page with the warning marked accepted.
[Collection("browser")]
public sealed class AcceptWarningTests(Browsers browsers)
{
    [Fact]
    public async Task TheButtonBesideAWarning_RecordsTheReason_AndTheWarningReadsAccepted()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "accept-warning");
        var id = await LiveTruthTests.ImportAsync(page, "mitigation-tamale-solar-led.json", json =>
        {
            var node = JsonNode.Parse(json)!;
            node["acknowledgements"] = new JsonArray();
            return node.ToJsonString();
        });

        await driver.GoAsync($"/proposals/{id}/partners");
        var button = page.Locator("#findings a.accept-warning");
        await Assertions.Expect(button).ToHaveTextAsync("Accept with a reason");
        await driver.LookAsync("warning-open");
        await driver.NavigatingAsync(() => button.ClickAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accept a warning");
        await page.Locator("#reason").FillAsync("Letter checked word for word against the GCF template; signatory confirmed with the NDA.");
        await driver.LookAsync("accept-page");
        await driver.NavigatingAsync(() => page.Locator("main form button[type=submit]").ClickAsync());

        Assert.EndsWith($"/proposals/{id}/partners#findings", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#findings .acknowledged")).ToContainTextAsync("Accepted by editor on ");
        await Assertions.Expect(page.Locator("#findings a.accept-warning")).ToHaveTextAsync("Change the reason");
        await driver.LookAsync("warning-accepted");
    }
}
