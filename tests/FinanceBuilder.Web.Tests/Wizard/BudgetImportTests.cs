using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Importing a budget file on the budget page: CSV (";" or ",", BOM or not) or XLSX, recognised
/// from the bytes; every cell checked before anything is saved; limits said plainly.
public sealed class BudgetImportTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;
    private readonly WizardBrowser french;

    public BudgetImportTests()
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

    private static async Task<HttpResponseMessage> UploadAsync(WizardBrowser browser, Guid id, byte[] file, string name, bool replace = false, bool token = true)
    {
        var page = await browser.OpenAsync(Urls.Step(id, "budget"));
        var form = page.Get("form.budget-import");
        using var content = new MultipartFormDataContent();
        if (token)
            content.Add(new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        if (replace)
            content.Add(new StringContent("true"), "replace");
        content.Add(new ByteArrayContent(file), "file", name);
        return await browser.Client.PostAsync(form.GetAttribute("action"), content);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await WizardPage.ReadAsync(response)).Get(".error-summary").TextContent;
    }

    [Fact]
    public async Task Csv_FrenchSemicolonsWithBom_AddsTheRows()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(french);
        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Description;Unité;Coût unitaire;2027;2028\r\n\"Ateliers; quartier nord\";atelier;1 200,5;2;\r\nDrains;;;;3 000\r\n")).ToArray();

        var response = await UploadAsync(french, id, csv, "budget.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Urls.Step(id, "budget") + "#f-budget-lines", response.Headers.Location!.OriginalString);
        var lines = (await french.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal(5, lines.Count);
        var workshop = lines.Single(l => l.Description == "Ateliers; quartier nord");
        Assert.Equal((2027, 2401m, "atelier"), (workshop.Year!.Value, workshop.Amount.Amount, workshop.Unit));
        Assert.Equal(3000m, lines.Single(l => l.Description == "Drains").Amount.Amount);
    }

    [Fact]
    public async Task Csv_EnglishCommasWithoutHeader_UsesTheGridColumns_AndCanReplace()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);
        // Description, component, output, type, source, co-financier, instrument, currency, unit, unit cost, 2027…2032.
        var csv = Encoding.UTF8.GetBytes("Street lights,1,,Goods,,,,,,,\"1,500\",250\n");

        var response = await UploadAsync(browser, id, csv, "export.txt", replace: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = (await browser.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal([(2027, 1500m), (2028, 250m)], lines.Select(l => (l.Year!.Value, l.Amount.Amount)));
        Assert.All(lines, l => Assert.Equal("Street lights", l.Description));
    }

    /// Under a header an activity column names the activity each cost pays for (Annex 4's third
    /// level); one the proposal does not have is refused with the list of those it has.
    [Fact]
    public async Task Csv_WithAnActivityColumn_LinksTheLines_OrNamesTheActivitiesItHas()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);

        var refused = await ErrorsAsync(await UploadAsync(browser, id, Encoding.UTF8.GetBytes("Description;Output;Activity;2027\nTender documents;1.1;9.9.9;100\n"), "budget.csv"));
        var response = await UploadAsync(browser, id, Encoding.UTF8.GetBytes("Description;Output;Activity;2027\nTender documents;1.1;1.1.2;100\n"), "budget.csv", replace: true);

        Assert.Contains("Row 2, column Activity: '9.9.9' is not an activity of this proposal (activities: 1.1.1", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = Assert.Single((await browser.StoredAsync(id)).Proposal.Budget.Lines);
        Assert.Equal(("1.1", "1.1.2", 100m), (line.OutputId, line.ActivityId, line.Amount.Amount));
    }

    /// A "Budget notes" column (the workbook's own header) or "Note" gives each item its note;
    /// a note longer than the model allows is refused with its row, nothing saved.
    [Fact]
    public async Task Csv_WithANotesColumn_KeepsEachItemsNote()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);

        var refused = await ErrorsAsync(await UploadAsync(browser, id, Encoding.UTF8.GetBytes("Description;Note;2027\nPumps;" + new string('n', 501) + ";100\n"), "budget.csv"));
        var response = await UploadAsync(browser, id, Encoding.UTF8.GetBytes("Description;Budget notes;2027;2028\nPumps;Quotation from two suppliers, March 2026;100;50\n"), "budget.csv", replace: true);

        Assert.Contains("Row 2, column Budget notes:", refused, StringComparison.Ordinal);
        Assert.Contains("is too long (at most 500 characters)", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = (await browser.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("Quotation from two suppliers, March 2026", l.Note));
    }

    [Fact]
    public async Task Csv_BadCells_ListsEachOne_AndSavesNothing()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);
        var csv = Encoding.UTF8.GetBytes("Description;Currency;2027\nStreet lights;usd;12.5.3\nPumps;ZZZ;10\n");

        var errors = await ErrorsAsync(await UploadAsync(browser, id, csv, "budget.csv"));

        Assert.Contains("Row 2, column 2027: '12.5.3' is not an amount", errors, StringComparison.Ordinal);
        Assert.Contains("Row 3, column Currency: 'ZZZ' is not a currency code", errors, StringComparison.Ordinal);
        var (version, proposal) = await browser.StoredAsync(id);
        Assert.Equal((1, 3), (version, proposal.Budget.Lines.Count));
    }

    [Fact]
    public async Task Xlsx_NamedCsv_IsReadAsAWorkbook_NumbersAsStored()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(french);
        var xlsx = Xlsx(["Description", "Unit cost", "2030", "2031"], ["Compteurs", 250.75m, 4m, null], ["Drains", null, 1234.5m, 10m]);

        var response = await UploadAsync(french, id, xlsx, "budget.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = (await french.StoredAsync(id)).Proposal.Budget.Lines;
        Assert.Equal(1003m, lines.Single(l => l.Description == "Compteurs").Amount.Amount);
        Assert.Equal([1234.5m, 10m], lines.Where(l => l.Description == "Drains").Select(l => l.Amount.Amount));
    }

    [Fact]
    public async Task Xlsx_BadCell_NamesRowAndColumn_AndSavesNothing()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);
        var xlsx = Xlsx(["Description", "2030"], ["Meters", 5m], ["Drains", "n/a"]);

        var errors = await ErrorsAsync(await UploadAsync(browser, id, xlsx, "budget.xlsx"));

        Assert.Contains("Row 3, column 2030: 'n/a' is not an amount", errors, StringComparison.Ordinal);
        Assert.Equal(3, (await browser.StoredAsync(id)).Proposal.Budget.Lines.Count);
    }

    [Fact]
    public async Task File_NeitherTextNorWorkbook_OrTooLarge_IsRefusedWithItsReason()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);

        var binary = await ErrorsAsync(await UploadAsync(browser, id, [0x25, 0x50, 0x44, 0x46, 0x00, 0x01], "budget.csv"));
        var latin1 = await ErrorsAsync(await UploadAsync(browser, id, Encoding.Latin1.GetBytes("Description;2027\nCoût;5\n"), "budget.csv"));
        var large = await ErrorsAsync(await UploadAsync(browser, id, Encoding.UTF8.GetBytes(new string('1', 1024 * 1024 + 10)), "budget.csv"));

        Assert.Contains("neither a CSV file nor an Excel workbook", binary, StringComparison.Ordinal);
        Assert.Contains("not in UTF-8", latin1, StringComparison.Ordinal);
        Assert.Contains("larger than 1024 KB", large, StringComparison.Ordinal);
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_IsRefused()
    {
        var id = await BudgetGridTests.SeedTwoItemsAsync(browser);

        var response = await UploadAsync(browser, id, Encoding.UTF8.GetBytes("Description,2027\nX,1\n"), "budget.csv", token: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    /// A one-sheet workbook: text as inline strings, numbers as numbers (as Excel stores them).
    private static byte[] Xlsx(params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case decimal number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                        case string text:
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Budget" }));
        }
        return stream.ToArray();
    }
}
