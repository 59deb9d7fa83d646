using System.Globalization;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Html;

namespace FinanceBuilder.Templates.Tests.Charts;

/// `::: chart` blocks become charts when their table has the right shape and stay a table
/// otherwise; the chart painter keeps everything inside its box; the preview draws it as SVG.
public sealed class ChartBlockTests
{
    private const string Budget = """
        ::: chart bar
        Budget by component (USD)

        | Component | GCF | Co-financing |
        |:--|--:|--:|
        | C1 Solar street lighting | 1200000 | 300000.5 |
        | C2 Capacity \<building\> | 250000 | 0 |
        :::
        """;

    [Fact]
    public void ChartBlock_WithNumbers_IsAChart()
    {
        var chart = Assert.IsType<Chart>(Assert.Single(MarkdownReader.Read(Budget).Blocks));

        Assert.Equal(ChartKind.Bar, chart.Kind);
        Assert.Equal("Budget by component (USD)", chart.Title);
        Assert.Equal(["C1 Solar street lighting", "C2 Capacity <building>"], chart.Labels);
        Assert.Equal(["GCF", "Co-financing"], chart.Series.Select(s => s.Name));
        Assert.Equal([300000.5, 0], chart.Series[1].Values);
    }

    [Theory]
    [InlineData("| Year | t |\n|--|--|\n| 2027 | 1 250 |")] // a formatted number is not a chart value
    [InlineData("| Year | t |\n|--|--|\n| 2027 | NaN |")]
    [InlineData("| Year | t |\n|--|--|")]
    [InlineData("Only a title, no table")]
    public void ChartBlock_WithoutTheShape_StaysAsWritten(string inner)
    {
        var blocks = MarkdownReader.Read("::: chart column\n" + inner + "\n:::").Blocks;

        Assert.DoesNotContain(blocks, b => b is Chart);
        Assert.NotEmpty(blocks);
    }

    [Theory]
    [InlineData("line", ChartKind.Line)]
    [InlineData("column", ChartKind.Column)]
    [InlineData("pie", ChartKind.Column)]
    public void ChartKind_FromTheBlock(string word, ChartKind expected)
    {
        var chart = Assert.IsType<Chart>(Assert.Single(MarkdownReader.Read($"::: chart {word}\n| Y | t |\n|--|--:|\n| 2027 | 5 |\n:::").Blocks));
        Assert.Equal(expected, chart.Kind);
    }

    [Fact]
    public void UserText_CannotOpenAChart()
    {
        var typed = "::: chart bar\n| a | 1 |\n|--|--|\n| b | 2 |\n:::";
        var blocks = MarkdownReader.Read(MarkdownText.Narrative(typed)).Blocks;
        Assert.DoesNotContain(blocks, b => b is Chart or Table);
    }

    [Theory]
    [InlineData(ChartKind.Bar, 1)]
    [InlineData(ChartKind.Bar, 2)]
    [InlineData(ChartKind.Column, 1)]
    [InlineData(ChartKind.Column, 2)]
    [InlineData(ChartKind.Line, 1)]
    [InlineData(ChartKind.Line, 2)]
    public void Painter_StaysInsideItsBox(ChartKind kind, int seriesCount)
    {
        var labels = Enumerable.Range(2027, 25).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var chart = new Chart(kind, "Emission reductions over the lifespan of the project, in tonnes of CO2 equivalent per year", labels,
            new[] { new ChartSeries("Annual", labels.Select((_, i) => 450.0 + i * 10).ToList()), new ChartSeries("Negative", labels.Select(_ => -120.0).ToList()) }.Take(seriesCount).ToList());
        var canvas = new RecordingCanvas();

        ChartPainter.Paint(chart, canvas, 450, 230, Rendering.DocumentTheme.Default, CultureInfo.GetCultureInfo("fr"));

        Assert.NotEmpty(canvas.Shapes);
        Assert.All(canvas.Shapes, s => Assert.True(s.X >= -0.01 && s.Right <= 450.01 && s.Y >= -0.01 && s.Bottom <= 230.01, $"{s} is outside the 450 × 230 box"));
    }

    [Fact]
    public void BarLabel_TooLongForOneLine_TakesTwo()
    {
        const string label = "2 Low-emission bus corridors: priority lanes";
        var chart = new Chart(ChartKind.Bar, "", ["1 Watershed", label, "3 Management"], [new ChartSeries("GCF", [1, 2, 3])]);
        var canvas = new RecordingCanvas();

        ChartPainter.Paint(chart, canvas, 450, 230, Rendering.DocumentTheme.Default, CultureInfo.InvariantCulture);

        var texts = canvas.Shapes.Where(s => s.Kind.StartsWith("text:", StringComparison.Ordinal)).Select(s => s.Kind[5..]).ToList();
        var first = texts.Single(t => label.StartsWith(t, StringComparison.Ordinal) && t.Length > 2);
        var second = texts.Single(t => label.EndsWith(t, StringComparison.Ordinal) && t != first && t.Length > 2);
        Assert.Equal(label, first + " " + second);
    }

    [Fact]
    public void Scale_IsRound()
    {
        var chart = new Chart(ChartKind.Column, "", ["a"], [new ChartSeries("s", [1_234_567])]);
        var (min, max, step) = ChartPainter.Scale(chart);
        Assert.Equal(0, min);
        Assert.Equal(1_250_000, max);
        Assert.Equal(250_000, step);
    }

    [Theory]
    [InlineData(1_250_000, "en", "1.25M")]
    [InlineData(1_250_000, "fr", "1,25\u00A0M")]
    [InlineData(45_000, "en", "45k")]
    [InlineData(451, "fr", "451")]
    public void Compact_Figures(double value, string culture, string expected) =>
        Assert.Equal(expected, ChartPainter.Compact(value, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData(8_000, 10_000, "8k")]
    [InlineData(0, 10_000, "0")]
    [InlineData(2_500_000, 10_000_000, "2.5M")]
    public void Compact_AxisTicks_ShareTheAxisUnit(double tick, double top, string expected) =>
        Assert.Equal(expected, ChartPainter.Compact(tick, CultureInfo.GetCultureInfo("en"), top));

    [Fact]
    public void Preview_DrawsTheChartAsSvg_WithEncodedText()
    {
        var html = HtmlRenderer.Render(MarkdownReader.Read(Budget), CultureInfo.GetCultureInfo("fr"));

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("C2 Capacity &lt;building&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<building>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    private sealed record Shape(string Kind, double X, double Y, double Right, double Bottom);

    /// Records every shape with its box; text boxes from the measured width and the anchor.
    private sealed class RecordingCanvas : IChartCanvas
    {
        public List<Shape> Shapes { get; } = [];

        public void FillRectangle(double x, double y, double width, double height, string color) => Shapes.Add(new("rect", x, y, x + width, y + height));

        public void Line(double x1, double y1, double x2, double y2, string color, double thickness) =>
            Shapes.Add(new("line", Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2)));

        public void Polyline(IReadOnlyList<(double X, double Y)> points, string color, double thickness) =>
            Shapes.Add(new("polyline", points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y)));

        public void Text(string text, double x, double y, double size, bool bold, TextAnchor anchor, string color)
        {
            var width = MeasureText(text, size, bold);
            var left = anchor switch { TextAnchor.Middle => x - width / 2, TextAnchor.End => x - width, _ => x };
            Shapes.Add(new("text:" + text, left, y - size * 0.8, left + width, y + size * 0.2));
        }

        public double MeasureText(string text, double size, bool bold) => text.Length * size * 0.5;
    }
}
