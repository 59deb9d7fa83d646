using System.Text;

namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// Puts right-to-left text (Hebrew, Arabic) in visual order for a canvas that draws characters
/// left to right, as Skia does without a shaping engine. A simplified bidi: runs of right-to-left
/// letters are reversed and, when the text starts right-to-left, the runs too. Enough for chart
/// labels; Arabic letters are joined first (presentation forms, see ArabicForms).
/// </summary>
internal static class ChartBidi
{
    public static string Visual(string text)
    {
        if (!text.Any(IsRightToLeft))
            return text;
        text = Text.ArabicForms.Shape(text);
        var runs = new List<(StringBuilder Text, bool RightToLeft)>();
        foreach (var c in text)
        {
            var strong = IsRightToLeft(c) ? true : char.IsLetterOrDigit(c) ? false : (bool?)null;
            if (runs.Count == 0 || (strong is { } rtl && runs[^1].RightToLeft != rtl && !IsNeutralRun(runs[^1].Text)))
                runs.Add((new StringBuilder(), strong ?? false));
            else if (strong is { } direction && IsNeutralRun(runs[^1].Text))
                runs[^1] = (runs[^1].Text, direction);
            runs[^1].Text.Append(c);
        }
        var pieces = runs.Select(r => r.RightToLeft ? Reverse(r.Text.ToString()) : r.Text.ToString()).ToList();
        if (runs[0].RightToLeft)
            pieces.Reverse();
        return string.Concat(pieces);
    }

    private static bool IsNeutralRun(StringBuilder run)
    {
        for (var i = 0; i < run.Length; i++)
        {
            if (char.IsLetterOrDigit(run[i]))
                return false;
        }
        return true;
    }

    /// <summary>Reversed, keeping surrogate pairs (an emoji inside Hebrew) in order.</summary>
    private static string Reverse(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = text.Length - 1; i >= 0; i--)
        {
            if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                builder.Append(text[i - 1]).Append(text[i]);
                i--;
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }

    private static bool IsRightToLeft(char c) =>
        c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
}
