using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Stored answers written into form fields, and typed text read back, in the reader's culture.
public static class FormValues
{
    public static string Format(object? value, FieldKind kind, CultureInfo culture) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => DateText.Field(d, culture),
        Enum e => e.ToString(),
        int or long when kind == FieldKind.Year => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        int i => NumberText.Format(i, culture),
        long l => NumberText.Format(l, culture),
        decimal m => NumberText.Format(m, culture),
        _ => Convert.ToString(value, culture) ?? "",
    };

    /// A date typed in the page's format ("01/03/2027" in French, "2027-03-01" in English).
    public static bool TryParseDate(string text, CultureInfo culture, out DateOnly date) =>
        DateText.TryParseField(text, culture, out date);
}
