using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Workbook;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Workbook;

/// The budget workbook of every sample shows the totals the documents show (BudgetBreakdown),
/// in the proposal's language.
public sealed class BudgetSheetMapperTests
{
    private static Proposal Sample(string name) =>
        JsonSerializer.Deserialize<Proposal>(Samples.ReadText(name), ProposalJson.Options)!;

    private static decimal Converted(BudgetSheetItem item) => item.Amounts.Sum(a => a.Converted);

    /// The funding proposals (the PPF request has no budget lines: see PpfRequest_BudgetsItsActivities).
    public static TheoryData<string> FundingProposals => new(FinanceBuilder.Web.Tests.Documents.PackTestKit.SampleNames);

    [Theory]
    [MemberData(nameof(FundingProposals))]
    public void Items_AreTheGridsRows_AndAddUpToTheBreakdown(string name)
    {
        var proposal = Sample(name);
        var budget = BudgetBreakdown.Of(proposal);

        var sheet = BudgetSheetMapper.For(proposal);

        Assert.Equal(BudgetGrid.Rows(proposal.Budget.Lines).Count, sheet.Items.Count);
        Assert.Equal(budget.Lines.Count, sheet.Items.Sum(i => i.Amounts.Count));
        Assert.Equal(budget.Currency, sheet.Currency);
        Assert.Equal(budget.Total, sheet.Items.Sum(Converted));
        Assert.Equal(2, sheet.Sources.Count);
        Assert.Equal(budget.TotalOf(FundingSourceKind.Gcf), sheet.Items.Where(i => i.Source == sheet.Sources[0]).Sum(Converted));
        Assert.Equal(budget.TotalOf(FundingSourceKind.CoFinancing), sheet.Items.Where(i => i.Source == sheet.Sources[1]).Sum(Converted));
        Assert.Equal(sheet.Sources[0], sheet.GcfSource);
        Assert.Equal(proposal.Components.Select(c => c.Id), sheet.Components.Select(c => c.Id));
        // A column per year of the implementation period, as the budget grid draws them.
        var start = proposal.Basics.ImplementationStart!.Value.Year;
        var end = proposal.Basics.ImplementationEnd!.Value.Year;
        Assert.Equal(Enumerable.Range(start, end - start + 1), sheet.Years);
        Assert.Equal(budget.Currency, sheet.Rates[0].Currency);
        Assert.Equal(1m, sheet.Rates[0].Used);
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public void Workbook_IsValid_AndItsTotalsAreTheBreakdownsTotals(string name)
    {
        var proposal = Sample(name);
        var budget = BudgetBreakdown.Of(proposal);
        using var stream = new MemoryStream();

        BudgetWorkbook.Write(BudgetSheetMapper.For(proposal), stream);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(4, sheets.Count);
        decimal Number(Cell cell) => decimal.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Row LastRow(int sheet) => ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[sheet].Id!)).Worksheet.Descendants<Row>().Last();
        // The detailed budget's totals row and the summary's last total are the budget's total.
        Assert.Equal(budget.Total, Number(LastRow(0).Elements<Cell>().Last()));
        Assert.Equal(budget.Total, Number(LastRow(1).Elements<Cell>().Last()));
        var fees = ((WorksheetPart)document.WorkbookPart.GetPartById(sheets[2].Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(budget.TotalOf(FundingSourceKind.Gcf), Number(fees["C2"]));
        Assert.Equal(budget.Total, Number(fees["C3"]));
    }

    [Theory]
    [InlineData(Language.En, "Detailed budget", "Summary", "Amount", "GCF")]
    [InlineData(Language.Fr, "Budget détaillé", "Synthèse", "Montant", "FVC")]
    public void Labels_AreInTheProposalsLanguage(Language language, string detail, string summary, string amount, string gcf)
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");
        proposal.Language = language;

        var sheet = BudgetSheetMapper.For(proposal);

        Assert.Equal(language.ToString().ToLowerInvariant(), sheet.Language);
        Assert.Equal(detail, sheet.Labels.DetailSheet);
        Assert.Equal(summary, sheet.Labels.SummarySheet);
        Assert.Equal(amount, sheet.Labels.Amount);
        Assert.Contains(gcf, sheet.Sources[0], StringComparison.Ordinal);
        var texts = sheet.Labels.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(sheet.Labels)!).ToList();
        Assert.All(texts, t => Assert.DoesNotContain("Workbook.", t, StringComparison.Ordinal));
        Assert.All(sheet.Items, i => Assert.DoesNotContain("Enum.", i.Category + i.Source + i.Instrument, StringComparison.Ordinal));
        Assert.All(sheet.Fees, f => Assert.DoesNotContain("Workbook.", f.Label, StringComparison.Ordinal));
    }

    [Fact]
    public void FrenchSample_HasFrenchSheets()
    {
        var sheet = BudgetSheetMapper.For(Sample("adaptation-cotonou-drainage-fr.json"));

        Assert.Equal("fr", sheet.Language);
        Assert.Equal(["Budget détaillé", "Synthèse", "Frais EA et gestion", "Taux de change"],
            new[] { sheet.Labels.DetailSheet, sheet.Labels.SummarySheet, sheet.Labels.FeesSheet, sheet.Labels.RatesSheet });
    }

    /// A line in another currency is converted with the proposal's rate, which the rate sheet
    /// gives as typed (here 1 USD = 565.5 XOF, the other way round); one without a rate is left
    /// out, as BudgetBreakdown leaves it out of every total.
    [Fact]
    public void LinesInOtherCurrencies_AreConverted_OrLeftOutLikeTheBreakdown()
    {
        var proposal = Sample("adaptation-cotonou-drainage-fr.json");
        proposal.Budget.Lines[0].Amount = new Money { Amount = 1_000_000m, Currency = "XOF" };
        proposal.Budget.Lines[1].Amount = new Money { Amount = 5m, Currency = "JPY" };
        proposal.Financing.ExchangeRates = [new ExchangeRate { From = "USD", To = "XOF", Rate = 565.5m, Date = new DateOnly(2026, 11, 2), Source = "BCEAO" }];

        var sheet = BudgetSheetMapper.For(proposal);

        var item = Assert.Single(sheet.Items, i => i.Currency == "XOF");
        var amount = Assert.Single(item.Amounts);
        Assert.Equal(1_000_000m, amount.Amount);
        Assert.Equal(1_000_000m / 565.5m, amount.Converted);
        Assert.DoesNotContain(sheet.Items, i => i.Currency == "JPY");
        Assert.Equal(BudgetBreakdown.Of(proposal).Total, sheet.Items.Sum(Converted));
        var rate = Assert.Single(sheet.Rates, r => r.Currency == "XOF");
        Assert.Equal((565.5m, true, new DateOnly(2026, 11, 2), "BCEAO"), (rate.Given, rate.Inverse, rate.Date, rate.Source));
        Assert.DoesNotContain(sheet.Rates, r => r.Currency == "JPY");
    }

    /// Cotonou's lines name no instrument: its GCF request is a grant alone, and each
    /// co-financier gives one instrument.
    [Fact]
    public void LinesWithoutAnInstrument_TakeTheOnlyOneTheirSourceUses()
    {
        var proposal = Sample("adaptation-cotonou-drainage-fr.json");
        Assert.All(proposal.Budget.Lines, l => Assert.Null(l.Instrument));

        var sheet = BudgetSheetMapper.For(proposal);

        var grant = FinanceBuilder.Web.Proposals.Text.ProposalText.Get("Enum.FinancialInstrument.Grant", new CultureInfo("fr"));
        Assert.All(sheet.Items.Where(i => i.Source == sheet.Sources[0]), i => Assert.Equal(grant, i.Instrument));
        Assert.All(sheet.Items, i => Assert.NotEqual("", i.Instrument));
    }

    [Fact]
    public void CoFinancedItems_NameTheirFinancier_AndOutputsTheirName()
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");

        var sheet = BudgetSheetMapper.For(proposal);

        var names = proposal.Financing.CoFinancing.Select(c => c.Name).ToHashSet();
        Assert.All(sheet.Items.Where(i => i.Source == sheet.Sources[1]), i => Assert.Contains(i.Financier, names));
        Assert.All(sheet.Items.Where(i => i.Source == sheet.Sources[0]), i => Assert.Equal("", i.Financier));
        var output = proposal.Components[0].Outputs[0];
        Assert.Contains(sheet.Items, i => i.Output == $"{output.Id} {output.Name}");
    }

    /// A costed item (quantity × unit cost) keeps its unit, its unit cost and its units over all years.
    [Fact]
    public void CostedItems_KeepUnit_UnitCost_AndTotalQuantity()
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");
        var line = proposal.Budget.Lines[0];
        proposal.Budget.Lines =
        [
            new BudgetLine { ComponentId = "1", Description = "Workshops", Unit = "workshop", UnitCost = 1_500m, Quantity = 4, Year = 2027, Amount = new Money { Amount = 6_000m, Currency = "USD" }, Source = FundingSourceKind.Gcf },
            new BudgetLine { ComponentId = "1", Description = "Workshops", Unit = "workshop", UnitCost = 1_500m, Quantity = 6, Year = 2028, Amount = new Money { Amount = 9_000m, Currency = "USD" }, Source = FundingSourceKind.Gcf },
            line,
        ];

        var sheet = BudgetSheetMapper.For(proposal);

        var item = sheet.Items[0];
        Assert.Equal(("workshop", 10m, 1_500m), (item.Unit, item.Quantity, item.UnitCost));
        Assert.Equal([(2027, 6_000m), (2028, 9_000m)], item.Amounts.Select(a => (a.Year!.Value, a.Amount)));
        Assert.Null(sheet.Items[1].Quantity);
    }

    [Fact]
    public void Fees_AreTheFinancingSections_ConvertedLikeTheDocuments()
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");
        proposal.Financing.AccreditedEntityFee = new Money { Amount = 2_000_000m, Currency = "GHS" };
        proposal.Financing.ProjectManagementCost = null;
        proposal.Financing.ExchangeRates = [new ExchangeRate { From = "GHS", To = "USD", Rate = 0.08m, Source = "Bank of Ghana" }];

        var sheet = BudgetSheetMapper.For(proposal);

        Assert.Equal(2, sheet.Fees.Count);
        Assert.Null(sheet.Fees[0].Amount);
        Assert.Equal(("GHS", 2_000_000m, 160_000m), (sheet.Fees[1].Currency, sheet.Fees[1].Amount!.Value, sheet.Fees[1].Converted!.Value));
        var rate = Assert.Single(sheet.Rates, r => r.Currency == "GHS");
        Assert.False(rate.Inverse);
        Assert.Equal(0.08m, rate.Used);
    }

    /// A PPF request's workbook budgets its preparation activities: the PPF's part and the
    /// counterpart of each, the activities standing where components stand.
    [Fact]
    public void PpfRequest_BudgetsItsActivities()
    {
        var proposal = Sample("ppf-saint-louis-coastal-fr.json");

        var sheet = BudgetSheetMapper.For(proposal, Route.Ppf);

        Assert.Equal(proposal.Ppf.Activities.Select(a => a.Id), sheet.Components.Select(c => c.Id));
        Assert.Equal(6 + 4, sheet.Items.Count); // four activities have a counterpart
        Assert.Equal(720_000m, sheet.Items.Where(i => i.Source == sheet.Sources[0]).Sum(Converted));
        Assert.Equal(85_000m, sheet.Items.Where(i => i.Source == sheet.Sources[1]).Sum(Converted));
        Assert.All(sheet.Items, i => Assert.Null(Assert.Single(i.Amounts).Year));
        Assert.Empty(sheet.Years);

        using var stream = new MemoryStream();
        BudgetWorkbook.Write(sheet, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document));
    }

    /// On any other route, the same proposal's workbook is its budget lines (here none).
    [Fact]
    public void OtherRoutes_BudgetTheLines()
    {
        var sheet = BudgetSheetMapper.For(Sample("ppf-saint-louis-coastal-fr.json"), Route.ConceptNote);

        Assert.Empty(sheet.Items);
    }
}
