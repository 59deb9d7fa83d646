using System.Globalization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// The budget grid's own texts (BudgetText.resx, BudgetText.fr.resx).
public static class BudgetText
{
    private static readonly Localization.ResourceTexts Resources = new("FinanceBuilder.Web.Features.Wizard.Budget.BudgetText", typeof(BudgetText).Assembly);

    /// The languages a pasted or imported cell may name a choice in (a French officer's sheet
    /// may come from an English template).
    private static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("fr")];

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(CultureInfo culture, string key, params object?[] args) => string.Format(culture, Get(key, culture), args);

    public static string Column(BudgetColumn column, CultureInfo culture) => Get("Column." + column, culture);

    /// The column a header cell names, in any supported language or by its English key.
    public static BudgetColumn? ColumnNamed(string text)
    {
        var name = text.Trim();
        foreach (var column in Enum.GetValues<BudgetColumn>())
        {
            if (string.Equals(column.ToString(), name, StringComparison.OrdinalIgnoreCase)
                || Languages.Any(l => string.Equals(Get("Column." + column, l), name, StringComparison.OrdinalIgnoreCase)))
                return column;
        }
        return null;
    }

    public static IEnumerable<string> EnumLabels(Enum value) =>
        Languages.Select(l => ProposalText.Get($"Enum.{value.GetType().Name}.{value}", l));

    /// "Row 3, column 2029: 'abc' is not an amount".
    public static string CellError(CultureInfo culture, int row, BudgetCellError error)
    {
        var column = error.Column is { } c ? Column(c, culture) : error.Year is 0 ? Get("Column.NoYear", culture) : error.Year?.ToString(CultureInfo.InvariantCulture);
        var text = error.Text.Length > 40 ? error.Text[..40] + "…" : error.Text;
        return Format(culture, "Error.Cell", row, column, text, error.Reason);
    }
}
