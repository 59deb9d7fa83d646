using System.Globalization;
using FinanceBuilder.Templates.Charts;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Rendering;
using SkiaSharp;

namespace FinanceBuilder.Templates.Tests.Charts;

public sealed class ChartImageTests
{
    [Theory]
    [InlineData(ChartKind.Bar)]
    [InlineData(ChartKind.Column)]
    [InlineData(ChartKind.Line)]
    public void Png_HasTheRequestedSize_AWhiteBackground_AndText(ChartKind kind)
    {
        var chart = new Chart(kind, "Disbursements per year", ["2026", "2027", "2028"], [new ChartSeries("GCF", [1e6, 2e6, 3e6]), new ChartSeries("Co-financing", [5e5, 1e6, 2e6])]);

        var png = ChartImage.Png(chart, DocumentTheme.Default, CultureInfo.GetCultureInfo("fr"), 400, 200, dpi: 144);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(800, bitmap.Width);
        Assert.Equal(400, bitmap.Height);
        Assert.Equal(SKColors.White, bitmap.GetPixel(bitmap.Width - 1, 0));
        // The title is drawn (a font was found even without fontconfig): dark pixels in its band.
        var dark = 0;
        for (var y = 0; y < 28; y++)
        {
            for (var x = 200; x < 600; x++)
            {
                if (bitmap.GetPixel(x, y).Red < 128)
                    dark++;
            }
        }
        Assert.True(dark > 100, $"only {dark} dark pixels in the title band");
    }

    [Fact]
    public void Png_NeverThrows_OnAnyText()
    {
        var controls = string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c));
        var chart = new Chart(
            ChartKind.Bar,
            "العربية 🌍 עברית \uD83C" + controls,
            [controls, "", "💧💧💧", new string('W', 500)],
            [new ChartSeries("\uDC00 lone", [0, -1, 1e12, 3]), new ChartSeries("", [1, 2, 3, 4])]);

        var png = ChartImage.Png(chart, DocumentTheme.Default, CultureInfo.InvariantCulture, 300, 150);

        Assert.NotNull(SKBitmap.Decode(png));
    }
}
