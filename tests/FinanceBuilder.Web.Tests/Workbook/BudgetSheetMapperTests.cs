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

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public void Lines_AddUpToTheBreakdown(string name)
    {
        var proposal = Sample(name);
        var budget = BudgetBreakdown.Of(proposal);

        var sheet = BudgetSheetMapper.For(proposal);

        Assert.Equal(budget.Lines.Count, sheet.Lines.Count);
        Assert.True(sheet.Lines.Count > 0);
        Assert.Equal(budget.Currency, sheet.Currency);
        Assert.Equal(budget.Total, sheet.Lines.Sum(l => l.Amount));
        Assert.Equal(2, sheet.Sources.Count);
        Assert.Equal(budget.TotalOf(FundingSourceKind.Gcf), sheet.Lines.Where(l => l.Source == sheet.Sources[0]).Sum(l => l.Amount));
        Assert.Equal(budget.TotalOf(FundingSourceKind.CoFinancing), sheet.Lines.Where(l => l.Source == sheet.Sources[1]).Sum(l => l.Amount));
        Assert.Equal(proposal.Components.Select(c => c.Id), sheet.Components.Select(c => c.Id));
        Assert.Equal(proposal.Budget.Lines.Where(l => l.Year is not null).Select(l => l.Year!.Value).Distinct().Order(), sheet.Years);
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
        foreach (var sheet in sheets)
        {
            // The last cell of every sheet is its grand total: a formula, its value cached.
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
            var total = part.Worksheet.Descendants<Row>().Last().Elements<Cell>().Last();
            Assert.NotNull(total.CellFormula);
            Assert.Equal(budget.Total, decimal.Parse(total.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        var byComponent = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[1].Id!);
        var gcf = byComponent.Worksheet.Descendants<Row>().Last().Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('C'));
        Assert.Equal(budget.TotalOf(FundingSourceKind.Gcf), decimal.Parse(gcf.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Language.En, "Lines", "By component", "Amount", "GCF")]
    [InlineData(Language.Fr, "Lignes", "Par composante", "Montant", "FVC")]
    public void Labels_AreInTheProposalsLanguage(Language language, string lines, string byComponent, string amount, string gcf)
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");
        proposal.Language = language;

        var sheet = BudgetSheetMapper.For(proposal);

        Assert.Equal(language.ToString().ToLowerInvariant(), sheet.Language);
        Assert.Equal(lines, sheet.Labels.LinesSheet);
        Assert.Equal(byComponent, sheet.Labels.ComponentSheet);
        Assert.Equal(amount, sheet.Labels.Amount);
        Assert.Contains(gcf, sheet.Sources[0], StringComparison.Ordinal);
        var texts = sheet.Labels.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(sheet.Labels)!).ToList();
        Assert.All(texts, t => Assert.DoesNotContain("Workbook.", t, StringComparison.Ordinal));
        Assert.All(sheet.Lines, l => Assert.DoesNotContain("Enum.", l.Category + l.Source + l.Instrument, StringComparison.Ordinal));
    }

    [Fact]
    public void FrenchSample_HasFrenchSheets()
    {
        var sheet = BudgetSheetMapper.For(Sample("adaptation-cotonou-drainage-fr.json"));

        Assert.Equal("fr", sheet.Language);
        Assert.Equal(["Lignes", "Par composante", "Par source", "Par année"],
            new[] { sheet.Labels.LinesSheet, sheet.Labels.ComponentSheet, sheet.Labels.SourceSheet, sheet.Labels.YearSheet });
    }

    /// A line in another currency is converted with the proposal's rate; one without a rate is
    /// left out, as BudgetBreakdown leaves it out of every total.
    [Fact]
    public void LinesInOtherCurrencies_AreConverted_OrLeftOutLikeTheBreakdown()
    {
        var proposal = Sample("adaptation-cotonou-drainage-fr.json");
        proposal.Budget.Lines[0].Amount = new Money { Amount = 1_000_000m, Currency = "XOF" };
        proposal.Budget.Lines[1].Amount = new Money { Amount = 5m, Currency = "JPY" };

        var sheet = BudgetSheetMapper.For(proposal);

        var converted = Assert.Single(sheet.Lines, l => l.OriginalCurrency == "XOF");
        Assert.Equal(1_000_000m, converted.OriginalAmount);
        Assert.Equal(1_768m, converted.Amount);
        Assert.DoesNotContain(sheet.Lines, l => l.OriginalCurrency == "JPY");
        Assert.Equal(proposal.Budget.Lines.Count - 1, sheet.Lines.Count);
        Assert.Equal(BudgetBreakdown.Of(proposal).Total, sheet.Lines.Sum(l => l.Amount));
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
        Assert.All(sheet.Lines.Where(l => l.Source == sheet.Sources[0]), l => Assert.Equal(grant, l.Instrument));
        Assert.All(sheet.Lines, l => Assert.NotEqual("—", l.Instrument));
    }

    [Fact]
    public void CoFinancedLines_NameTheirFinancier()
    {
        var proposal = Sample("mitigation-tamale-solar-led.json");

        var sheet = BudgetSheetMapper.For(proposal);

        var names = proposal.Financing.CoFinancing.Select(c => c.Name).ToHashSet();
        Assert.All(sheet.Lines.Where(l => l.Source == sheet.Sources[1]), l => Assert.Contains(l.Financier, names));
        Assert.All(sheet.Lines.Where(l => l.Source == sheet.Sources[0]), l => Assert.Equal("", l.Financier));
    }
}
