using System.Globalization;
using System.Text;
using FinanceBuilder.Templates.Content;

namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// A chart in words, for those who cannot see it (the tagged PDF's alternative text): its title,
/// then each label with its values by series — "Budget by component. C1 Drainage: GCF 12,000,000,
/// co-financing 3,000,000; …". Capped, as a screen reader reads it in one go.
/// </summary>
public static class ChartText
{
    private const int MaxLength = 2_000;

    /// <summary>The chart's title and data as one text in the document's number format.</summary>
    public static string Describe(Chart chart, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var text = new StringBuilder(chart.Title.Length + chart.Labels.Count * 40);
        text.Append(chart.Title.Length > 0 ? chart.Title : "Chart").Append('.');
        // French puts a no-break space before the colon and the semicolon.
        var french = culture.TwoLetterISOLanguageName == "fr";
        var (colon, semicolon) = french ? ("\u00A0:", "\u00A0; ") : (":", "; ");
        for (var i = 0; i < chart.Labels.Count && text.Length < MaxLength; i++)
        {
            text.Append(i == 0 ? " " : semicolon).Append(chart.Labels[i]).Append(colon);
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var values = chart.Series[s].Values;
                var value = i < values.Count ? values[i].ToString("N0", culture) : "";
                text.Append(s == 0 ? " " : ", ");
                if (chart.Series.Count > 1 || chart.Series[s].Name.Length > 0)
                    text.Append(chart.Series[s].Name).Append(' ');
                text.Append(value);
            }
        }
        if (text.Length > MaxLength)
        {
            text.Length = MaxLength;
            text.Append('…');
        }
        return text.ToString();
    }
}
