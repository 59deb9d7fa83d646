using System.Net;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The budget grid over HTTP: one row per cost item and one column per project year, posted back
/// whole; quantity × unit cost computed; rows pasted from a spreadsheet, all or nothing.
public sealed class BudgetGridTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;
    private readonly WizardBrowser french;

    public BudgetGridTests()
    {
        browser = new WizardBrowser(app);
        french = new WizardBrowser(app, "fr");
    }

    public void Dispose()
    {
        browser.Dispose();
        french.Dispose();
        app.Dispose();
    }

    /// The Tamale sample (implementation 2027–2032) with two cost items: drainage in 2027 and
    /// 2028, workshops in 2028.
    internal static async Task<Guid> SeedTwoItemsAsync(WizardBrowser browser)
    {
        var json = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        JsonObject Line(string description, int year, decimal amount) => new()
        {
            ["componentId"] = "1",
            ["description"] = description,
            ["expenditureType"] = "works",
            ["year"] = year,
            ["amount"] = new JsonObject { ["amount"] = amount, ["currency"] = "USD" },
            ["source"] = "gcf",
        };
        json["budget"]!["lines"] = new JsonArray(Line("Drainage", 2027, 100), Line("Drainage", 2028, 200), Line("Workshops", 2028, 50));
        return await browser.SeedJsonAsync(json.ToJsonString());
    }

    [Fact]
    public async Task Get_ShowsOneRowPerItem_OneColumnPerProjectYear_AndTheTotals()
    {
        var id = await SeedTwoItemsAsync(browser);

        var page = await browser.OpenAsync(Urls.Step(id, "budget"));

        Assert.Equal("2", page.StepForm()["budget.grid.count"]);
        Assert.Equal(["2027", "2028", "2029", "2030", "2031", "2032"], page.Document.QuerySelectorAll(".budget-grid thead .budget-year").Select(th => th.TextContent));
        Assert.Equal("200", page.StepForm()["budget.grid[0].y2028"]);
        Assert.Equal("", page.StepForm()["budget.grid[1].y2027"]);
        Assert.Equal("USD 300", page.Get("[data-live='panel:budget.grid[0].total']").TextContent);
        Assert.Equal("250", page.Get("[data-live='panel:budget.grid.totals.y2028']").TextContent);
        Assert.Equal("USD 350", page.Get("[data-live='panel:budget.grid.totals.all']").TextContent);
    }

    /// A finding about stored year lines speaks of the cost item the grid shows, once per item,
    /// and links to that row's cell.
    [Fact]
    public async Task BudgetFindings_NameTheCostItem_OncePerRow_AndLinkToItsCell()
    {
        var id = await SeedTwoItemsAsync(browser);

        var page = await browser.OpenAsync(Urls.Step(id, "budget"));

        var outputs = page.Document.QuerySelectorAll("#findings .finding").Where(f => f.QuerySelector(".rule-id")?.TextContent == "R-048").ToList();
        Assert.Equal(["The budget item “Drainage” does not say which output it pays for.", "The budget item “Workshops” does not say which output it pays for."],
            outputs.Select(f => f.QuerySelector("a")!.TextContent).Order(StringComparer.Ordinal));
        var targets = outputs.Select(f => f.QuerySelector("a")!.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["#f-budget-grid-0-outputId", "#f-budget-grid-1-outputId"], targets);
        Assert.All(targets, t => Assert.NotNull(page.Document.GetElementById(t[1..])));
        var check = await browser.OpenAsync(Urls.CheckAnswers(id));
        Assert.Contains(check.Document.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == Urls.Step(id, "budget") + "#f-budget-grid-0-outputId");
    }

    /// A refused autosave marks the refused cell as the refused form post does.
    [Fact]
    public async Task AutosaveRefusingACell_MarksThatCellInvalid_AsTheFormPostDoes()
    {
        var id = await SeedTwoItemsAsync(browser);
        var form = (await browser.OpenAsync(Urls.Step(id, "budget"))).StepForm().Remove("action").Change("budget.grid[0].y2028", "abc");

        var reply = await browser.PostAsync(Urls.Autosave(id, "budget"), form);
        using var json = System.Text.Json.JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
        var posted = await WizardPage.ReadAsync(await browser.PostAsync(Urls.Step(id, "budget"), form.Set("action", "save")));

        Assert.Equal("invalid", json.RootElement.GetProperty("status").GetString());
        var marked = posted.Document.QuerySelectorAll("[aria-invalid=true]").Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("f-budget-grid-0-y2028", marked);
        Assert.Equal(marked, json.RootElement.GetProperty("invalid").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Post_Grid_SavesOneLinePerYear_WithQuantityTimesUnitCost()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "save", form => form
            .Change("budget.grid[0].unit", "workshop").Change("budget.grid[0].unitCost", "1,500.5").Change("budget.grid[0].note", "Rates of the 2025 contract")
            .Change("budget.grid[0].y2027", "2").Change("budget.grid[0].y2028", "").Change("budget.grid[0].y2029", "3"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = (await browser.StoredAsync(id)).Proposal.Budget.Lines;
        var drainage = lines.Where(l => l.Description == "Drainage").ToList();
        Assert.Equal([2027, 2029], drainage.Select(l => l.Year!.Value));
        Assert.Equal([3001m, 4501.5m], drainage.Select(l => l.Amount.Amount));
        Assert.Equal([2m, 3m], drainage.Select(l => l.Quantity!.Value));
        Assert.All(drainage, l => Assert.Equal(("workshop", 1500.5m, "1", ExpenditureType.Works, "Rates of the 2025 contract"), (l.Unit, l.UnitCost!.Value, l.ComponentId, l.ExpenditureType!.Value, l.Note)));
        Assert.Equal(50m, lines.Single(l => l.Description == "Workshops").Amount.Amount);
        var shown = await browser.FollowAsync(response);
        Assert.Equal("= 4,501.5", shown.Get("[data-live='panel:budget.grid[0].y2029.amount']").TextContent);
        Assert.Equal("Rates of the 2025 contract", shown.StepForm()["budget.grid[0].note"]);
    }

    [Fact]
    public async Task Post_BadCell_NamesRowAndColumn_KeepsTheInput_AndSavesNothing()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "save", form => form
            .Change("budget.grid[0].description", "Drainage, phase 1").Change("budget.grid[1].y2029", "abc"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        Assert.Contains("Row 2, column 2029: 'abc' is not an amount", page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("abc", page.StepForm()["budget.grid[1].y2029"]);
        Assert.Equal("true", page.Get("#f-budget-grid-1-y2029").GetAttribute("aria-invalid"));
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal(["Drainage", "Drainage", "Workshops"], proposal.Budget.Lines.Select(l => l.Description));
    }

    [Fact]
    public async Task Post_RemoveRow_RemovesEveryYearOfThatItem()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "budget-remove:0", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Workshops"], (await browser.StoredAsync(id)).Proposal.Budget.Lines.Select(l => l.Description));
    }

    [Fact]
    public async Task Post_Add_AddsAnEmptyRow_AndGoesToIt()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "add:budget.lines", _ => { });

        Assert.Equal(Urls.Step(id, "budget") + "#f-budget-lines-3", response.Headers.Location!.OriginalString);
        var page = await browser.FollowAsync(response);
        Assert.Equal("3", page.StepForm()["budget.grid.count"]);
        Assert.NotNull(page.Find("#f-budget-grid-2 #f-budget-lines-3"));
        // Saved again untouched, the empty row stays until it is removed.
        await browser.SubmitStepAsync(id, "budget", "save", _ => { });
        Assert.Equal(4, (await browser.StoredAsync(id)).Proposal.Budget.Lines.Count);
    }

    [Fact]
    public async Task Post_CountBeyondTheRowsShown_AddsNothing()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "save", form => form.Set("budget.grid.count", "500"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(3, (await browser.StoredAsync(id)).Proposal.Budget.Lines.Count);
    }

    [Fact]
    public async Task Paste_EnglishRowsWithAHeader_AddsThemAfterTheOthers()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "budget-paste", form => form.Change("budget.paste",
            "Description\tComponent\tExpenditure type\t2027\t2028\r\nStreet lights\t1\tGoods\t1,234.5\t2,000\r\n\r\nSolar pumps\t\t\t\t10\r\n"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = (await browser.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal(6, lines.Count);
        var lights = lines.Where(l => l.Description == "Street lights").ToList();
        Assert.Equal([(2027, 1234.5m), (2028, 2000m)], lights.Select(l => (l.Year!.Value, l.Amount.Amount)));
        Assert.All(lights, l => Assert.Equal(("1", ExpenditureType.Goods, FundingSourceKind.Gcf, "USD"), (l.ComponentId, l.ExpenditureType!.Value, l.Source, l.Amount.Currency)));
        Assert.Equal(10m, lines.Single(l => l.Description == "Solar pumps").Amount.Amount);
    }

    [Fact]
    public async Task Paste_FrenchNumbersAndLabels_AreReadInFrench()
    {
        var id = await SeedTwoItemsAsync(french);

        var response = await french.SubmitStepAsync(id, "budget", "budget-paste", form => form.Change("budget.paste",
            "Description\tType de dépense\tUnité\tCoût unitaire\t2029\nAteliers communautaires\tBiens et équipements\tatelier\t1 234,5\t2\n"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = (await french.StoredAsync(id)).Proposal.Budget.Lines.Single(l => l.Description == "Ateliers communautaires");
        Assert.Equal((2029, 2469m, 2m, 1234.5m, ExpenditureType.Goods), (line.Year!.Value, line.Amount.Amount, line.Quantity!.Value, line.UnitCost!.Value, line.ExpenditureType!.Value));
    }

    [Fact]
    public async Task Paste_BadCells_ListsEachOne_AndSavesNothing_NotEvenTheGridChanges()
    {
        var id = await SeedTwoItemsAsync(browser);

        var response = await browser.SubmitStepAsync(id, "budget", "budget-paste", form => form
            .Change("budget.grid[0].description", "Drainage, phase 1")
            .Change("budget.paste", "Description\t2027\t2028\tComponent\nStreet lights\tabc\t10\t1\nSolar pumps\t5\t-3\t9\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        var errors = page.Document.QuerySelectorAll("#f-budget-paste-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains("Row 2, column 2027: 'abc' is not an amount (write it like 1,250,000.5)", errors);
        Assert.Contains("Row 3, column 2028: '-3' is below zero", errors);
        Assert.Contains(errors, e => e.StartsWith("Row 3, column Component: '9' is not a component of this proposal", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Contains("Row 2, column 2027", page.Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Contains("Street lights\tabc", page.Get("#f-budget-paste").TextContent, StringComparison.Ordinal);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal(["Drainage", "Drainage", "Workshops"], proposal.Budget.Lines.Select(l => l.Description));
    }

    [Fact]
    public async Task Reconciliation_ZeroAgainstZero_SaysNoAmountsYet_NotMatches()
    {
        var json = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        json["budget"]!["lines"] = new JsonArray();
        foreach (var list in new[] { "gcfInstruments", "coFinancing" })
            foreach (var item in json["financing"]![list]!.AsArray())
                item!["amount"]!["amount"] = 0;
        var id = await browser.SeedJsonAsync(json.ToJsonString());

        var page = await browser.OpenAsync(Urls.Step(id, "budget"));

        var checks = page.Document.QuerySelectorAll(".reconciliation li").ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, li => Assert.Contains("reconcile--empty", li.ClassName, StringComparison.Ordinal));
        Assert.All(checks, li => Assert.EndsWith("no amounts yet", li.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("matches", page.Get(".reconciliation").TextContent, StringComparison.Ordinal);
        var inFrench = await french.OpenAsync(Urls.Step(id, "budget"));
        Assert.Contains("aucun montant pour l’instant", inFrench.Get(".reconciliation").TextContent, StringComparison.Ordinal);
    }

    /// A real programme's 2,000-line budget is edited 50 rows a page: page 3 shows rows 101–150,
    /// a save of that page changes only its rows, and the totals are the whole budget's.
    [Fact]
    public async Task ALongBudget_IsEditedAPageAtATime_AndASavedPageKeepsTheOthers()
    {
        var json = JsonNode.Parse(Samples.ReadText("mitigation-tamale-solar-led.json"))!;
        var lines = new JsonArray();
        for (var item = 1; item <= 400; item++)
        {
            for (var year = 2027; year <= 2031; year++)
            {
                lines.Add(new JsonObject
                {
                    ["componentId"] = "1",
                    ["description"] = $"Item {item}",
                    ["expenditureType"] = "works",
                    ["year"] = year,
                    ["amount"] = new JsonObject { ["amount"] = 10, ["currency"] = "USD" },
                    ["source"] = "gcf",
                });
            }
        }
        json["budget"]!["lines"] = lines;
        var id = await browser.SeedJsonAsync(json.ToJsonString());

        var page = await browser.OpenAsync(Urls.Step(id, "budget") + "?page=3");

        Assert.Equal(("100", "50"), (page.StepForm()["budget.grid.from"], page.StepForm()["budget.grid.count"]));
        Assert.Equal("Item 101", page.StepForm()["budget.grid[100].description"]);
        Assert.Null(page.Document.GetElementById("f-budget-grid-0-description")); // the first page's rows are not on it
        Assert.Equal("USD 20,000", page.Get("[data-live='panel:budget.grid.totals.all']").TextContent); // 2,000 lines of 10
        Assert.Equal("Rows 101–150 of 400", page.Get(".budget .pager [aria-current='page']").TextContent);
        Assert.Equal(8, page.Document.QuerySelectorAll(".budget .pager li").Length);

        var saved = await browser.PostAsync(page.FormAction(), page.StepForm().Change("budget.grid[120].description", "Item 121, revised").Change("budget.grid[120].y2027", "15").Set("action", "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var stored = (await browser.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal(2_000, stored.Count);
        Assert.Equal(5, stored.Count(l => l.Description == "Item 121, revised"));
        Assert.Equal(15, stored.Single(l => l.Description == "Item 121, revised" && l.Year == 2027).Amount.Amount);
        Assert.Equal(["Item 1", "Item 400"], new[] { stored[0].Description!, stored[^1].Description! });
        Assert.Equal(20_005, stored.Sum(l => l.Amount.Amount));
    }
}
