using System.Globalization;
using FinanceBuilder.Templates.Text;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// The columns of the budget grid besides the years, in the order a pasted block or a file
/// without a header row gives them.
// Activity and note last, and only read under a header (BudgetTable): a block pasted without a
// header row keeps the columns it had before they were asked.
public enum BudgetColumn { Description, Component, Output, ExpenditureType, Source, CoFinancier, Instrument, Currency, Unit, UnitCost, Activity, Note }

/// A cell as a spreadsheet gives it: text typed in the page's language, or a number the file
/// stores as a number (an XLSX cell), which needs no reading.
public readonly record struct BudgetCell(string Text, decimal? Number = null)
{
    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);
}

/// A problem with one cell: its column (or year) and the reason, in the page's language.
public sealed record BudgetCellError(BudgetColumn? Column, int? Year, string Text, string Reason);

/// Reads one row of cells (grid, pasted block or file) into a budget row. The same checks for
/// all three, so a value the grid refuses is refused in a file too.
public sealed class BudgetRowReader(Proposal proposal, CultureInfo culture)
{
    private readonly IReadOnlyList<ChoiceOption> components = Choices.Components(proposal);
    private readonly IReadOnlyList<ChoiceOption> outputs = Choices.Outputs(proposal);
    private readonly IReadOnlyList<ChoiceOption> activities = Choices.Activities(proposal);
    private readonly IReadOnlyList<ChoiceOption> coFinanciers = Choices.CoFinanciers(proposal);

    /// The row, or null with the errors added. A row with nothing in it is null without errors.
    public BudgetRow? Read(IReadOnlyDictionary<BudgetColumn, BudgetCell> fields, IReadOnlyDictionary<int, BudgetCell> years, List<BudgetCellError> errors)
    {
        if (fields.Values.All(c => c.IsEmpty) && years.Values.All(c => c.IsEmpty))
            return null;
        var before = errors.Count;
        BudgetCell Cell(BudgetColumn column) => fields.TryGetValue(column, out var cell) ? cell : default;
        string? Fail(BudgetColumn column, string reason, params object?[] args)
        {
            errors.Add(new BudgetCellError(column, null, Cell(column).Text ?? "", BudgetText.Format(culture, reason, args)));
            return null;
        }

        string? Text(BudgetColumn column, int maxLength)
        {
            var text = Clean(Cell(column).Number is { } n ? NumberText.Format(n, culture, grouped: false) : Cell(column).Text);
            if (text.Length == 0)
                return null;
            if (text.Length > maxLength)
                return Fail(column, "Reason.TooLong", maxLength.ToString("N0", culture));
            return DocumentText.IndexOfInvalidCharacter(text) >= 0 ? Fail(column, "Reason.BadCharacter") : text;
        }

        string? Reference(BudgetColumn column, IReadOnlyList<ChoiceOption> options, string reason)
        {
            var text = Text(column, IdentifierAttribute.MaxLength);
            if (text is null)
                return null;
            var found = options.FirstOrDefault(o => string.Equals(o.Value, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(o.Label, text, StringComparison.OrdinalIgnoreCase));
            return found?.Value ?? Fail(column, reason, string.Join(", ", options.Select(o => o.Value)));
        }

        TEnum? Choice<TEnum>(BudgetColumn column) where TEnum : struct, Enum
        {
            var text = Text(column, 200);
            if (text is null)
                return null;
            foreach (var value in Enum.GetValues<TEnum>())
            {
                if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase)
                    || BudgetText.EnumLabels(value).Any(label => string.Equals(label, text, StringComparison.OrdinalIgnoreCase)))
                    return value;
            }
            Fail(column, "Reason.NotChoice", string.Join(", ", Enum.GetValues<TEnum>().Select(v => ProposalText.Get($"Enum.{typeof(TEnum).Name}.{v}", culture))));
            return null;
        }

        decimal? Number(BudgetCell cell, Action<string, object?[]> fail)
        {
            decimal value;
            if (cell.Number is { } stored)
                value = stored;
            else if (Clean(cell.Text) is { Length: > 0 } text)
            {
                if (!NumberText.TryParse(text, culture, out value))
                {
                    fail("Reason.NotAmount", [NumberText.Format(1250000.5m, culture)]);
                    return null;
                }
            }
            else
                return null;
            if (value < 0)
            {
                fail("Reason.Negative", []);
                return null;
            }
            if (value > ProposalInputCheck.MaxMagnitude)
            {
                fail("Reason.TooLarge", []);
                return null;
            }
            return value;
        }

        var description = Text(BudgetColumn.Description, ShortTextAttribute.MaxLength);
        var component = Reference(BudgetColumn.Component, components, "Reason.NotComponent");
        var output = Reference(BudgetColumn.Output, outputs, "Reason.NotOutput");
        var activity = Reference(BudgetColumn.Activity, activities, "Reason.NotActivity");
        var note = Text(BudgetColumn.Note, ShortTextAttribute.MaxLength);
        var type = Choice<ExpenditureType>(BudgetColumn.ExpenditureType);
        var source = Choice<FundingSourceKind>(BudgetColumn.Source);
        var coFinancier = Reference(BudgetColumn.CoFinancier, coFinanciers, "Reason.NotCoFinancier");
        var instrument = Choice<FinancialInstrument>(BudgetColumn.Instrument);
        var currency = Text(BudgetColumn.Currency, 10)?.ToUpperInvariant();
        if (currency is not null && !IsoCodes.Currencies.Contains(currency))
            currency = Fail(BudgetColumn.Currency, "Reason.NotCurrency");
        var unit = Text(BudgetColumn.Unit, ShortTextAttribute.MaxLength);
        var unitCost = Number(Cell(BudgetColumn.UnitCost), (reason, args) => Fail(BudgetColumn.UnitCost, reason, args));

        var values = new SortedDictionary<int, decimal>();
        foreach (var (year, cell) in years)
        {
            if (Number(cell, (reason, args) => errors.Add(new BudgetCellError(null, year, cell.Number?.ToString(culture) ?? cell.Text, BudgetText.Format(culture, reason, args)))) is { } value)
                values[year] = value;
        }
        if (errors.Count > before)
            return null;

        var item = new BudgetItem(component, output, description, type, source ?? FundingSourceKind.Gcf, coFinancier, instrument,
            currency ?? proposal.Budget.ReportingCurrency, unit, unitCost)
        { ActivityId = activity, Note = note };
        var row = new BudgetRow(item);
        foreach (var (year, value) in values)
            row.Values[year] = value;
        return row;
    }

    private static string Clean(string? text) => (text ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Trim();
}
