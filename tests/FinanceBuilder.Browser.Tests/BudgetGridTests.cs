using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// The budget grid in a real browser: rows pasted from a spreadsheet land in the grid with their
/// totals, a block pasted into a cell goes the same way, autosave refreshes the totals, and the
/// grid fits a laptop screen and a phone.
[Collection("browser")]
public sealed class BudgetGridTests(Browsers browsers)
{
    private const string Header = "Description\tUnit\tUnit cost\t2027\t2028\t2029\t2030\t2031\t2032\t2033\t2034\t2035\t2036";

    private static async Task<string> NewProposalAsync(WizardDriver driver)
    {
        await driver.GoAsync("/proposals/new");
        await driver.ChooseAsync("route", "ConceptNote");
        await driver.ChooseAsync("language", "En");
        await driver.NavigatingAsync(() => driver.Page.Locator("main form button[type=submit]").ClickAsync());
        return driver.Page.Url;
    }

    private static ILocator Panel(IPage page, string key) => page.Locator($"[data-live=\"panel:{key}\"]");

    [Fact]
    public async Task PastedRows_FillTheGrid_AndTheTotalsFollow()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var driver = new WizardDriver(page, "budget-grid");
        var proposal = await NewProposalAsync(driver);
        await driver.GoAsync(proposal + "/budget");

        await page.Locator("#budget-paste > summary").ClickAsync();
        await driver.FillAsync("budget.paste", Header + "\n"
            + "Drainage works\t\t\t1,000\t2,500\t100\t100\t100\t100\t100\t100\t100\t100\n"
            + "Community workshops\tworkshop\t1,200\t2\t3\t\t\t\t\t\t\t\t4\n");
        await driver.PressAsync("budget-paste");

        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        Assert.Equal("Drainage works", await driver.ValueAsync("budget.grid[0].description"));
        Assert.Equal("3", await driver.ValueAsync("budget.grid[1].y2028"));
        await Assertions.Expect(Panel(page, "budget.grid[1].y2028.amount")).ToHaveTextAsync("= 3,600");
        await Assertions.Expect(Panel(page, "budget.grid[0].total")).ToHaveTextAsync("USD 4,300");
        await Assertions.Expect(Panel(page, "budget.grid[1].total")).ToHaveTextAsync("USD 10,800");
        await Assertions.Expect(Panel(page, "budget.grid.totals.y2028")).ToHaveTextAsync("6,100");
        await Assertions.Expect(Panel(page, "budget.grid.totals.all")).ToHaveTextAsync("USD 15,100");
        await driver.LookAsync("pasted-1280");

        // A block pasted into a cell of the grid goes to the server the same way.
        await driver.NavigatingAsync(() => page.Locator("[name=\"budget.grid[0].y2030\"]").EvaluateAsync(
            "(el, text) => { const data = new DataTransfer(); data.setData('text/plain', text);"
            + " el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            "Description\t2030\nSolar street lights\t700\n"));
        Assert.Equal("Solar street lights", await driver.ValueAsync("budget.grid[2].description"));
        await Assertions.Expect(Panel(page, "budget.grid.totals.all")).ToHaveTextAsync("USD 15,800");

        // Typing in a cell: autosave saves it and the server's totals replace the old ones.
        await driver.FillAsync("budget.grid[0].y2027", "2,000");
        await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Saved at", new() { Timeout = 15_000 });
        await Assertions.Expect(Panel(page, "budget.grid[0].total")).ToHaveTextAsync("USD 5,300");
        await Assertions.Expect(Panel(page, "budget.grid.totals.all")).ToHaveTextAsync("USD 16,800");

        // Every control of the ten-year grid is inside a 1280 px screen.
        var overflow = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.budget-grid input, .budget-grid select, .budget-grid button')]"
            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth).length");
        Assert.Equal(0, overflow);
        await driver.ScreenshotAsync("typed-1280");

        // On a phone each row is a card listing its years; nothing sticks out of the screen.
        await using var phone = await browsers.NewContextAsync(width: 360, height: 740);
        var small = new WizardDriver(await phone.NewPageAsync(), "budget-grid-phone");
        await small.GoAsync(proposal + "/budget");
        var wide = await small.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.budget-grid input, .budget-grid select, .budget-grid button, .budget-grid td')]"
            + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > document.documentElement.clientWidth + 1 || r.left < 0); }).length");
        Assert.Equal(0, wide);
        await small.LookAsync("grid-360");
    }
}
