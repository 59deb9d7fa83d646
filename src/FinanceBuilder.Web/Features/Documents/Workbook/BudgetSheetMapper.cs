using System.Globalization;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Documents.Workbook;

/// <summary>
/// What the budget workbook shows of a proposal: the cost items of the wizard's budget grid
/// (BudgetGrid, so a row of the workbook is a row the user typed), made of the lines
/// BudgetBreakdown converts to the reporting currency (the same lines, and so the same totals,
/// as the documents and the totals panel), the exchange rates those conversions used, and the
/// fees, with every label in the proposal's language. A line without an exchange rate is left
/// out here as it is there; BudgetBreakdown.Unconverted counts them. A PPF request budgets its
/// preparation activities instead: one item per activity for the PPF's part and one for the
/// counterpart, the activities standing where components stand.
/// </summary>
public static class BudgetSheetMapper
{
    public static BudgetSheet For(Proposal proposal, Route route = Route.FundingProposal)
    {
        var language = proposal.Language.ToString().ToLowerInvariant();
        var culture = new CultureInfo(language);
        string T(string key) => ProposalText.Get(key, culture);
        string Label(Enum? value) => value is null ? "" : Model.ValueFormat.DocumentLabel(value, culture);
        var budget = BudgetBreakdown.Of(proposal);
        var reporting = budget.Currency;
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
        // A GCF request in one instrument says what every GCF line is paid with.
        var gcfInstruments = proposal.Financing.GcfInstruments.Select(i => i.Instrument).Distinct().ToList();
        FinancialInstrument? onlyGcfInstrument = gcfInstruments.Count == 1 ? gcfInstruments[0] : null;

        var lines = budget.Lines.Select(l => l.Line).ToList();
        var preparation = route == Route.Ppf && proposal.Ppf.Activities.Count > 0;
        var items = preparation ? PreparationItems(proposal, converter, reporting, onlyGcfInstrument, Label) : BudgetGrid.Rows(lines).Select(row =>
        {
            var item = row.Item;
            var financier = item.Source == FundingSourceKind.CoFinancing
                ? proposal.Financing.CoFinancing.FirstOrDefault(c => c.Id == item.CoFinancierId)
                : null;
            // A row kept only for its description (no amount yet) is a line without year or amount.
            var amounts = row.LineIndexes
                .Where(i => lines[i].Year is not null || lines[i].Amount.Amount != 0 || lines[i].Quantity is not null)
                .Select(i => new BudgetSheetAmount(lines[i].Year, lines[i].Amount.Amount, budget.Lines[i].Amount))
                .ToList();
            return new BudgetSheetItem(
                item.ComponentId ?? "",
                OutputLabel(proposal, item.ComponentId, item.OutputId),
                item.Description ?? "",
                Label(item.ExpenditureType),
                Label(item.Source),
                financier is null ? item.CoFinancierId ?? "" : financier.Name ?? financier.Id,
                // An item without its own instrument is given in its co-financier's, or in the GCF's only one.
                Label(item.Instrument ?? financier?.Instrument ?? (item.Source == FundingSourceKind.Gcf ? onlyGcfInstrument : null)),
                item.Unit ?? "",
                item.Costed ? row.LineIndexes.Sum(i => lines[i].Quantity ?? 0) : null,
                item.UnitCost,
                item.Currency,
                amounts)
            { Activity = ActivityLabel(proposal, item.ActivityId), Note = item.Note ?? "" };
        }).ToList();

        var fees = new[]
        {
            (T("Workbook.Fee.ProjectManagement"), proposal.Financing.ProjectManagementCost),
            (T("Workbook.Fee.AccreditedEntity"), proposal.Financing.AccreditedEntityFee),
        }.Select(f => new BudgetSheetFee(f.Item1, f.Item2?.Currency ?? "", f.Item2?.Amount,
            f.Item2 is null ? null : converter.Convert(f.Item2, reporting))).ToList();

        // One rate per currency used, as the proposal gives it: the one the conversions took.
        var currencies = items.Select(i => i.Currency).Where(c => c.Length > 0).Concat(fees.Where(f => f.Converted is not null).Select(f => f.Currency)).Distinct().Where(c => c != reporting);
        var rates = currencies.Select(c => converter.RateFor(c, reporting) is ({ } rate, var inverse)
            ? new BudgetSheetRate(c, rate.Rate, inverse, rate.Date, rate.Source ?? "")
            : null).OfType<BudgetSheetRate>().ToList();

        return new BudgetSheet(
            proposal.Basics.Title ?? T("Ui.Untitled"),
            reporting,
            language,
            Labels(T),
            items,
            preparation
                ? proposal.Ppf.Activities.Select(a => new BudgetSheetComponent(a.Id, a.Description ?? "")).ToList()
                : proposal.Components.Select(c => new BudgetSheetComponent(c.Id, c.Name ?? "")).ToList(),
            Enum.GetValues<FundingSourceKind>().Select(s => Label(s)).ToList(),
            preparation ? [] : Years(proposal, lines),
            [new BudgetSheetRate(reporting, 1m, false, null, ""), .. rates])
        {
            GcfSource = Label(FundingSourceKind.Gcf),
            Fees = fees,
        };
    }

    /// <summary>
    /// The PPF's activities as items: the part the PPF pays (a GCF item) and the counterpart (a
    /// co-financing item), without a year (an activity's dates do not say how its cost falls by
    /// year). An amount that cannot be converted is left out, as budget lines are.
    /// </summary>
    private static List<BudgetSheetItem> PreparationItems(Proposal proposal, CurrencyConverter converter, string reporting,
        FinancialInstrument? gcfInstrument, Func<Enum?, string> label)
    {
        var items = new List<BudgetSheetItem>();
        foreach (var activity in proposal.Ppf.Activities)
        {
            foreach (var (money, source) in new[] { (activity.Cost, FundingSourceKind.Gcf), (activity.Counterpart, FundingSourceKind.CoFinancing) })
            {
                if (money is null || converter.Convert(money, reporting) is not { } converted)
                    continue;
                items.Add(new BudgetSheetItem(activity.Id, "", activity.Description ?? "", label(activity.Kind), label(source), "",
                    source == FundingSourceKind.Gcf ? label(gcfInstrument) : "", "", null, null, money.Currency,
                    [new BudgetSheetAmount(null, money.Amount, converted)]));
            }
        }
        return items;
    }

    /// <summary>
    /// A column per calendar year of the implementation period, as the budget grid draws them,
    /// and any year a line uses; only the lines' years while the project has no start date.
    /// </summary>
    private static List<int> Years(Proposal proposal, IReadOnlyList<BudgetLine> lines)
    {
        var used = lines.Where(l => l.Year is not null).Select(l => l.Year!.Value);
        if (proposal.Basics.ImplementationStart is null)
            return used.Distinct().Order().ToList();
        return BudgetGrid.Years(proposal, BudgetGrid.Rows(lines), fallbackYear: 0).Where(y => y > 0).Union(used).Order().ToList();
    }

    private static string ActivityLabel(Proposal proposal, string? activityId)
    {
        if (string.IsNullOrEmpty(activityId))
            return "";
        var activity = proposal.Components.SelectMany(c => c.Outputs).SelectMany(o => o.Activities).FirstOrDefault(a => a.Id == activityId);
        return string.IsNullOrWhiteSpace(activity?.Name) ? activityId : $"{activityId} {activity.Name}";
    }

    private static string OutputLabel(Proposal proposal, string? componentId, string? outputId)
    {
        if (string.IsNullOrEmpty(outputId))
            return "";
        var output = proposal.Components.Where(c => componentId is null || c.Id == componentId).SelectMany(c => c.Outputs).FirstOrDefault(o => o.Id == outputId)
            ?? proposal.Components.SelectMany(c => c.Outputs).FirstOrDefault(o => o.Id == outputId);
        return string.IsNullOrWhiteSpace(output?.Name) ? outputId : $"{outputId} {output.Name}";
    }

    private static BudgetSheetLabels Labels(Func<string, string> text) => new()
    {
        DetailSheet = text("Workbook.Sheet.Detail"),
        SummarySheet = text("Workbook.Sheet.Summary"),
        FeesSheet = text("Workbook.Sheet.Fees"),
        RatesSheet = text("Workbook.Sheet.Rates"),
        Component = text("Workbook.Column.Component"),
        ComponentName = text("Workbook.Column.ComponentName"),
        Output = text("Workbook.Column.Output"),
        Activity = text("Workbook.Column.Activity"),
        Description = text("Workbook.Column.Description"),
        Category = text("Workbook.Column.Category"),
        Source = text("Workbook.Column.Source"),
        Financier = text("Workbook.Column.Financier"),
        Instrument = text("Workbook.Column.Instrument"),
        Unit = text("Workbook.Column.Unit"),
        Quantity = text("Workbook.Column.Quantity"),
        UnitCost = text("Workbook.Column.UnitCost"),
        Currency = text("Workbook.Column.Currency"),
        NoYear = text("Workbook.NoYear"),
        TotalInCurrency = text("Workbook.Column.TotalInCurrency"),
        Rate = text("Workbook.Column.Rate"),
        Notes = text("Workbook.Column.Notes"),
        Total = text("Workbook.Total"),
        ByComponent = text("Workbook.Title.ByComponent"),
        BySource = text("Workbook.Title.BySource"),
        ByCategory = text("Workbook.Title.ByCategory"),
        GivenRate = text("Workbook.Column.GivenRate"),
        Per = text("Workbook.Per"),
        GivenAs = text("Workbook.Column.GivenAs"),
        RateUsed = text("Workbook.Column.RateUsed"),
        Date = text("Workbook.Column.Date"),
        RateSource = text("Workbook.Column.RateSource"),
        Item = text("Workbook.Column.Item"),
        Amount = text("Workbook.Column.Amount"),
        ShareOfGcf = text("Workbook.Column.ShareOfGcf"),
        ShareOfTotal = text("Workbook.Column.ShareOfTotal"),
        GcfBudget = text("Workbook.GcfBudget"),
        TotalBudget = text("Workbook.TotalBudget"),
        NotGiven = text("Workbook.NotGiven"),
        NoRate = text("Workbook.NoRate"),
    };
}
