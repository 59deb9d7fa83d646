using System.Globalization;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Documents.Workbook;

/// <summary>
/// What the budget workbook shows of a proposal: the lines BudgetBreakdown converts to the
/// reporting currency (the same lines, and so the same totals, as the documents and the totals
/// panel), with every label in the proposal's language. A line without an exchange rate is left
/// out here as it is there; BudgetBreakdown.Unconverted counts them.
/// </summary>
public static class BudgetSheetMapper
{
    public static BudgetSheet For(Proposal proposal)
    {
        var language = proposal.Language.ToString().ToLowerInvariant();
        var culture = new CultureInfo(language);
        string T(string key) => ProposalText.Get(key, culture);
        string Label(Enum? value) => value is null ? "—" : Model.ValueFormat.DocumentLabel(value, culture);
        var budget = BudgetBreakdown.Of(proposal);
        // A GCF request in one instrument says what every GCF line is paid with.
        var gcfInstruments = proposal.Financing.GcfInstruments.Select(i => i.Instrument).Distinct().ToList();
        FinancialInstrument? onlyGcfInstrument = gcfInstruments.Count == 1 ? gcfInstruments[0] : null;

        var lines = budget.Lines.Select(l =>
        {
            var financier = l.Line.Source == FundingSourceKind.CoFinancing
                ? proposal.Financing.CoFinancing.FirstOrDefault(c => c.Id == l.Line.CoFinancierId)
                : null;
            return new BudgetSheetLine(
                l.Line.ComponentId ?? "",
                l.Line.Description ?? "",
                Label(l.Line.ExpenditureType),
                Label(l.Line.Source),
                financier is null ? l.Line.CoFinancierId ?? "" : financier.Name ?? financier.Id,
                // A line without its own instrument is given in its co-financier's, or in the GCF's only one.
                Label(l.Line.Instrument ?? financier?.Instrument ?? (l.Line.Source == FundingSourceKind.Gcf ? onlyGcfInstrument : null)),
                l.Line.Year,
                l.Line.Amount.Currency,
                l.Line.Amount.Amount,
                l.Amount);
        }).ToList();

        return new BudgetSheet(
            proposal.Basics.Title ?? T("Ui.Untitled"),
            budget.Currency,
            language,
            Labels(T),
            lines,
            proposal.Components.Select(c => new BudgetSheetComponent(c.Id, c.Name ?? "")).ToList(),
            Enum.GetValues<FundingSourceKind>().Select(s => Label(s)).ToList(),
            lines.Where(l => l.Year is not null).Select(l => l.Year!.Value).Distinct().Order().ToList());
    }

    private static BudgetSheetLabels Labels(Func<string, string> text) => new(
        LinesSheet: text("Workbook.Sheet.Lines"),
        ComponentSheet: text("Workbook.Sheet.ByComponent"),
        SourceSheet: text("Workbook.Sheet.BySource"),
        YearSheet: text("Workbook.Sheet.ByYear"),
        Component: text("Workbook.Column.Component"),
        ComponentName: text("Workbook.Column.ComponentName"),
        Description: text("Workbook.Column.Description"),
        Category: text("Workbook.Column.Category"),
        Source: text("Workbook.Column.Source"),
        Financier: text("Workbook.Column.Financier"),
        Instrument: text("Workbook.Column.Instrument"),
        Year: text("Workbook.Column.Year"),
        OriginalCurrency: text("Workbook.Column.Currency"),
        OriginalAmount: text("Workbook.Column.AmountInCurrency"),
        Amount: text("Workbook.Column.Amount"),
        Total: text("Workbook.Total"),
        NoYear: text("Workbook.NoYear"));
}
