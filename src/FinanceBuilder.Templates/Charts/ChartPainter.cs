using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// Lays out a chart once for every output: title, axes with round ticks, bars, columns or lines,
/// value labels and a legend. The PDF renderer paints it as vectors, the DOCX renderer as an
/// image; both call this, so the two documents show the same chart.
/// </summary>
public static class ChartPainter
{
    private const double TitleSize = 10;
    private const double LabelSize = 8;
    private const double Gap = 6;

    /// <summary>Paints <paramref name="chart"/> into a <paramref name="width"/> × <paramref name="height"/> box.</summary>
    public static void Paint(Chart chart, IChartCanvas canvas, double width, double height, DocumentTheme theme, CultureInfo culture)
    {
        var top = 0.0;
        if (chart.Title.Length > 0)
        {
            canvas.Text(Fit(canvas, chart.Title, width, TitleSize, bold: true), width / 2, TitleSize, TitleSize, bold: true, TextAnchor.Middle, theme.TextColor);
            top = TitleSize + Gap * 1.5;
        }
        var bottom = height;
        if (chart.Series.Count > 1)
            bottom -= Legend(chart, canvas, width, height, theme);
        if (chart.Labels.Count == 0 || bottom - top < 40)
            return;
        if (chart.Kind == ChartKind.Bar)
            Bars(chart, canvas, 0, top, width, bottom - top, theme, culture);
        else
            Columns(chart, canvas, 0, top, width, bottom - top, theme, culture);
    }

    /// <summary>Horizontal bars: labels on the left, values at the end of each bar.</summary>
    private static void Bars(Chart chart, IChartCanvas canvas, double x, double y, double width, double height, DocumentTheme theme, CultureInfo culture)
    {
        var (min, max, _) = Scale(chart);
        var labelWidth = Math.Min(width * 0.38, chart.Labels.Max(l => canvas.MeasureText(l, LabelSize, bold: false)) + Gap);
        var valueWidth = chart.Series.SelectMany(s => s.Values).Max(v => canvas.MeasureText(Compact(v, culture), LabelSize, bold: false)) + Gap;
        var plotX = x + labelWidth;
        var plotWidth = Math.Max(10, width - labelWidth - valueWidth);
        var band = height / chart.Labels.Count;
        var barHeight = Math.Min(18, band * 0.7 / chart.Series.Count);
        double X(double v) => plotX + (v - min) / (max - min) * plotWidth;
        // The lowest baseline that keeps descenders inside the box.
        var lowest = y + height - LabelSize * 0.3;
        canvas.Line(X(0), y, X(0), y + height, theme.RuleColor, 0.75);
        for (var i = 0; i < chart.Labels.Count; i++)
        {
            var bandTop = y + i * band + (band - barHeight * chart.Series.Count) / 2;
            // A long label takes two lines when the band has room for them ("2 Low-emission bus
            // corridors: priority …"), else one line cut with an ellipsis.
            var lines = band >= LabelSize * 2.6 ? Wrap(canvas, chart.Labels[i], labelWidth - Gap, LabelSize) : [Fit(canvas, chart.Labels[i], labelWidth - Gap, LabelSize, bold: false)];
            var middle = bandTop + barHeight * chart.Series.Count / 2;
            for (var l = 0; l < lines.Count; l++)
            {
                var baseline = middle + LabelSize * 0.35 + (l - (lines.Count - 1) / 2.0) * LabelSize * 1.15;
                canvas.Text(lines[l], plotX - Gap, Math.Min(lowest, baseline), LabelSize, bold: false, TextAnchor.End, theme.TextColor);
            }
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = chart.Series[s].Values[i];
                var from = X(Math.Min(0, value));
                var to = X(Math.Max(0, value));
                var barTop = bandTop + s * barHeight;
                canvas.FillRectangle(from, barTop, Math.Max(0.5, to - from), barHeight * 0.9, Color(theme, s));
                canvas.Text(Compact(value, culture), to + 3, Math.Min(lowest, barTop + barHeight * 0.45 + LabelSize * 0.35), LabelSize, bold: false, TextAnchor.Start, theme.MutedColor);
            }
        }
    }

    /// <summary>Columns (grouped per label) or lines, over a value axis with round ticks.</summary>
    private static void Columns(Chart chart, IChartCanvas canvas, double x, double y, double width, double height, DocumentTheme theme, CultureInfo culture)
    {
        var (min, max, step) = Scale(chart);
        var ticks = new List<double>();
        for (var t = min; t <= max + step / 2; t += step)
            ticks.Add(t);
        var scaleOf = Math.Max(Math.Abs(min), Math.Abs(max));
        var axisWidth = ticks.Max(t => canvas.MeasureText(Compact(t, culture, scaleOf), LabelSize, bold: false)) + Gap;
        var plotX = x + axisWidth;
        var plotWidth = width - axisWidth;
        var plotHeight = height - LabelSize - Gap;
        double Y(double v) => y + plotHeight - (v - min) / (max - min) * plotHeight;
        foreach (var tick in ticks)
        {
            canvas.Line(plotX, Y(tick), plotX + plotWidth, Y(tick), theme.RuleColor, tick == 0 ? 0.9 : 0.3);
            canvas.Text(Compact(tick, culture, scaleOf), plotX - Gap / 2, Y(tick) + LabelSize * 0.35, LabelSize, bold: false, TextAnchor.End, theme.MutedColor);
        }
        var band = plotWidth / chart.Labels.Count;
        // Label every k-th category so labels never overlap (years over a 25-year lifespan).
        var labelWidth = chart.Labels.Max(l => canvas.MeasureText(l, LabelSize, bold: false)) + Gap;
        var every = Math.Max(1, (int)Math.Ceiling(labelWidth / band));
        for (var i = 0; i < chart.Labels.Count; i += every)
            canvas.Text(Fit(canvas, chart.Labels[i], band * every, LabelSize, bold: false), plotX + (i + 0.5) * band, y + height - LabelSize * 0.3, LabelSize, bold: false, TextAnchor.Middle, theme.TextColor);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var values = chart.Series[s].Values;
            if (chart.Kind == ChartKind.Line)
            {
                var points = values.Select((v, i) => (plotX + (i + 0.5) * band, Y(v))).ToList();
                if (points.Count == 1)
                    canvas.FillRectangle(points[0].Item1 - 2, points[0].Item2 - 2, 4, 4, Color(theme, s));
                else
                    canvas.Polyline(points, Color(theme, s), 1.75);
                continue;
            }
            var columnWidth = band * 0.7 / chart.Series.Count;
            for (var i = 0; i < values.Count; i++)
            {
                var left = plotX + i * band + band * 0.15 + s * columnWidth;
                var high = Y(Math.Max(0, values[i]));
                var low = Y(Math.Min(0, values[i]));
                canvas.FillRectangle(left, high, columnWidth * 0.92, Math.Max(0.5, low - high), Color(theme, s));
            }
        }
    }

    /// <summary>One entry per series below the chart; returns the height it took.</summary>
    private static double Legend(Chart chart, IChartCanvas canvas, double width, double height, DocumentTheme theme)
    {
        var entries = chart.Series.Select(s => Fit(canvas, s.Name, width / chart.Series.Count - 16, LabelSize, bold: false)).ToList();
        var total = entries.Sum(e => canvas.MeasureText(e, LabelSize, bold: false) + 20);
        var left = Math.Max(0, (width - total) / 2);
        for (var s = 0; s < entries.Count; s++)
        {
            // The text's descenders must stay inside the box: baseline a quarter size above the bottom.
            canvas.FillRectangle(left, height - LabelSize - 1, 8, 8, Color(theme, s));
            canvas.Text(entries[s], left + 11, height - LabelSize * 0.3, LabelSize, bold: false, TextAnchor.Start, theme.TextColor);
            left += canvas.MeasureText(entries[s], LabelSize, bold: false) + 20;
        }
        return LabelSize + Gap * 2;
    }

    /// <summary>The value axis: from 0 (or the lowest negative value) to a round number above the highest.</summary>
    internal static (double Min, double Max, double Step) Scale(Chart chart)
    {
        var values = chart.Series.SelectMany(s => s.Values).ToList();
        var low = Math.Min(0, values.Count > 0 ? values.Min() : 0);
        var high = Math.Max(0, values.Count > 0 ? values.Max() : 0);
        if (high - low <= 0)
            high = low + 1;
        var rough = (high - low) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
    }

    /// <summary>A short figure for axes and labels: 1 250 000 → "1,25 M" in French, "1.25M" in English.</summary>
    internal static string Compact(double value, CultureInfo culture, double? scaleOf = null)
    {
        // An axis writes all its ticks in one unit: "0, 2k … 10k", not "8,000" beside "10k".
        if (value == 0)
            return "0";
        var magnitude = Math.Abs(scaleOf ?? value);
        var (scaled, suffix) = magnitude >= 1e9 ? (value / 1e9, "G") : magnitude >= 1e6 ? (value / 1e6, "M") : magnitude >= 1e4 ? (value / 1e3, "k") : (value, "");
        var text = scaled.ToString(suffix.Length > 0 ? "#,0.##" : "#,0.#", culture);
        return suffix.Length == 0 ? text : culture.TwoLetterISOLanguageName == "en" ? text + suffix : text + "\u00A0" + suffix;
    }

    /// <summary>The text on at most two lines of the width, broken between words; the second line cut with an ellipsis if need be.</summary>
    private static List<string> Wrap(IChartCanvas canvas, string text, double width, double size)
    {
        if (canvas.MeasureText(text, size, bold: false) <= width)
            return [text];
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = "";
        var taken = 0;
        while (taken < words.Length && canvas.MeasureText(first.Length == 0 ? words[taken] : first + " " + words[taken], size, bold: false) <= width)
            first = first.Length == 0 ? words[taken++] : first + " " + words[taken++];
        if (taken == 0)
            return [Fit(canvas, text, width, size, bold: false)];
        return [first, Fit(canvas, string.Join(' ', words.Skip(taken)), width, size, bold: false)];
    }

    /// <summary>The text, shortened with an ellipsis to fit the width.</summary>
    private static string Fit(IChartCanvas canvas, string text, double width, double size, bool bold)
    {
        if (canvas.MeasureText(text, size, bold) <= width)
            return text;
        var length = text.Length;
        while (length > 1 && canvas.MeasureText(string.Concat(text.AsSpan(0, length), "…"), size, bold) > width)
            length--;
        return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
    }

    private static string Color(DocumentTheme theme, int series) => theme.ChartColors[series % theme.ChartColors.Count];
}
