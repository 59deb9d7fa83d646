using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using Microsoft.AspNetCore.Http;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// The budget lines as a grid (docs/decisions/0011-budget-grid.md). The page posts every row
/// it shows; the posted rows replace the stored lines, so what the user sees is what is saved.
/// "Paste rows" and "remove row" are submit buttons read here; "add a row" is the list's own.
public sealed partial class BudgetGridEditor : IListEditor
{
    public static readonly BudgetGridEditor Instance = new();

    public const string Grid = "budget.grid";
    public const string Paste = "budget.paste";
    public const string PasteAction = "budget-paste";
    public const string RemoveAction = "budget-remove:";
    /// 2,000 short lines, just under the form's limit of 256 KB for one value (StepPage).
    public const int MaxPasteLength = 250_000;
    private const int MaxYearColumns = 120;

    public static string RowPath(int row) => Grid + "[" + row.ToString(CultureInfo.InvariantCulture) + "]";

    public static string YearField(int year) => "y" + year.ToString(CultureInfo.InvariantCulture);

    private static readonly (string Field, BudgetColumn Column)[] Fields =
    [
        ("description", BudgetColumn.Description), ("componentId", BudgetColumn.Component), ("outputId", BudgetColumn.Output),
        ("expenditureType", BudgetColumn.ExpenditureType), ("source", BudgetColumn.Source), ("coFinancierId", BudgetColumn.CoFinancier),
        ("instrument", BudgetColumn.Instrument), ("currency", BudgetColumn.Currency), ("unit", BudgetColumn.Unit), ("unitCost", BudgetColumn.UnitCost),
        ("activityId", BudgetColumn.Activity), ("note", BudgetColumn.Note),
    ];

    public string Render(ListBlock list, object scope, string path, FormContext context)
    {
        var proposal = context.Proposal;
        var rows = BudgetGrid.Rows(proposal.Budget.Lines);
        var years = BudgetGrid.Years(proposal, rows, TimeProvider.System.GetUtcNow().Year);
        // A long budget (2,000 lines) is edited a page of rows at a time; totals stay whole.
        var (from, count) = ListWindow.Of(list, rows.Count, context.ListPage);
        return new BudgetGridRenderer(context).Render(rows, from, count, list.PageSize, years, proposal.Basics.ImplementationStart is not null);
    }

    public void Panels(ListBlock list, object scope, string path, FormContext context, IDictionary<string, string> panels)
    {
        var proposal = context.Proposal;
        var rows = BudgetGrid.Rows(proposal.Budget.Lines);
        var (from, count) = ListWindow.Of(list, rows.Count, context.ListPage);
        new BudgetGridTotals(proposal, rows).Collect(BudgetGrid.Years(proposal, rows, TimeProvider.System.GetUtcNow().Year), from, count, context.Culture, panels);
    }

    /// A stored line's finding points at its row's cell: the year's amount for an amount or
    /// quantity, the classifying field for the others, the row otherwise.
    public string? AnchorOf(ListBlock list, Proposal proposal, string path)
    {
        var match = LinePath().Match(path);
        if (!match.Success)
            return null;
        var line = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var rows = BudgetGrid.Rows(proposal.Budget.Lines);
        var r = rows.FindIndex(row => row.LineIndexes.Contains(line));
        if (r < 0)
            return ModelPath.HtmlId(Grid);
        var field = match.Groups[2].Success ? match.Groups[2].Value : null;
        var cell = field switch
        {
            "amount" or "quantity" or "year" when proposal.Budget.Lines[line].Year is { } year => $".y{year.ToString(CultureInfo.InvariantCulture)}",
            "componentId" or "outputId" or "description" or "expenditureType" or "source" or "coFinancierId" or "instrument" or "unit" or "unitCost" => "." + field,
            _ => "",
        };
        return ModelPath.HtmlId($"{Grid}[{r.ToString(CultureInfo.InvariantCulture)}]{cell}");
    }

    /// The grid marks a cell invalid by the error of its own name; the paste box by any of the
    /// paste's errors (BudgetGridRenderer).
    public IEnumerable<string> InvalidIds(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var key in errors.Keys)
        {
            if (key.StartsWith(Grid + "[", StringComparison.Ordinal))
                yield return ModelPath.HtmlId(key);
        }
        if (errors.Keys.Any(k => k == Paste || k.StartsWith(Paste + ".", StringComparison.Ordinal)))
            yield return "f-budget-paste";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^budget\.lines\[(\d{1,4})\](?:\.([a-zA-Z]+))?")]
    private static partial System.Text.RegularExpressions.Regex LinePath();

    public void Bind(ListBlock list, object scope, string path, IFormCollection form, CultureInfo culture, IDictionary<string, string> errors)
    {
        var proposal = (Proposal)scope;
        if (!int.TryParse(form[Grid + ".count"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return;
        _ = int.TryParse(form[Grid + ".from"], NumberStyles.None, CultureInfo.InvariantCulture, out var from);
        var maxLines = FormBinder.MaxItems(typeof(Proposal), list.Path);
        var stored = BudgetGrid.Rows(proposal.Budget.Lines);
        // The page showed rows from..from+count of the stored ones (all of them without paging):
        // those are replaced by what was posted, the others kept as stored.
        from = Math.Min(from, stored.Count);
        count = Math.Min(count, list.PageSize ?? maxLines);
        var years = Years(form[Grid + ".years"].ToString());
        var reader = new BudgetRowReader(proposal, culture);
        var before = errors.Count;

        var rows = new List<BudgetRow>(stored.Take(from));
        for (var r = from; r < from + count; r++)
        {
            var prefix = RowPath(r);
            // Only rows the page showed: a post claiming more rows than it carries adds none.
            if (!form.ContainsKey(prefix + ".description"))
                continue;
            var fields = Fields.ToDictionary(f => f.Column, f => new BudgetCell(form[prefix + "." + f.Field].ToString()));
            var values = years.ToDictionary(y => y, y => new BudgetCell(form[prefix + "." + YearField(y)].ToString()));
            var cellErrors = new List<BudgetCellError>();
            var row = reader.Read(fields, values, cellErrors);
            foreach (var error in cellErrors)
            {
                var field = error.Column is { } column ? Fields.First(f => f.Column == column).Field : YearField(error.Year!.Value);
                errors.TryAdd(prefix + "." + field, BudgetText.CellError(culture, r + 1, error));
            }
            // A row left empty stays as an empty row (it was added on purpose); "remove" removes it.
            rows.Add(row ?? new BudgetRow(new BudgetItem(null, null, null, null, FundingSourceKind.Gcf, null, null, proposal.Budget.ReportingCurrency, null, null)));
        }
        rows.AddRange(stored.Skip(from + count));

        var action = form["action"].ToString();
        if (action == PasteAction)
            rows.AddRange(Pasted(form[Paste].ToString(), years, reader, culture, errors));
        else if (action.StartsWith(RemoveAction, StringComparison.Ordinal)
            && int.TryParse(action.AsSpan(RemoveAction.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var removed) && removed < rows.Count)
            rows.RemoveAt(removed);
        if (errors.Count > before)
            return;

        var lines = BudgetGrid.Lines(rows);
        if (lines.Count > maxLines)
        {
            errors.TryAdd(action == PasteAction ? Paste : Grid, BudgetText.Format(culture, "Error.TooManyLines", lines.Count, maxLines));
            return;
        }
        proposal.Budget.Lines = lines;
    }

    private static List<BudgetRow> Pasted(string text, IReadOnlyList<int> years, BudgetRowReader reader, CultureInfo culture, IDictionary<string, string> errors)
    {
        if (text.Length > MaxPasteLength)
        {
            errors.TryAdd(Paste, BudgetText.Format(culture, "Error.PasteTooLong", MaxPasteLength.ToString("N0", culture)));
            return [];
        }
        var result = BudgetTable.Read(DelimitedText.Parse(text, '\t'), years, reader, culture);
        for (var i = 0; i < result.Errors.Count; i++)
            errors.TryAdd(Paste + ".e" + i.ToString(CultureInfo.InvariantCulture), result.Errors[i]);
        if (result.ErrorCount > result.Errors.Count)
            errors.TryAdd(Paste + ".more", BudgetText.Format(culture, "Error.More", result.ErrorCount - result.Errors.Count));
        return [.. result.Rows];
    }

    /// The year columns the page showed ("2027,2028,…"), each within the model's limits.
    private static List<int> Years(string posted)
    {
        var years = new List<int>();
        foreach (var part in posted.Split(',', StringSplitOptions.RemoveEmptyEntries).Take(MaxYearColumns))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && (year == 0 || (year >= YearAttribute.Min && year <= YearAttribute.Max)) && !years.Contains(year))
                years.Add(year);
        }
        return years;
    }
}
