using System.Diagnostics;
using FinanceBuilder.Templates.Workbook;

namespace FinanceBuilder.Templates.Tests.Workbook;

/// A budget at the model's limit (500 lines) is written fast enough to build on every download.
/// Alone in its collection, so other tests running alongside do not skew the clock.
[Collection(nameof(WorkbookSpeedTests))]
[CollectionDefinition(nameof(WorkbookSpeedTests), DisableParallelization = true)]
public sealed class WorkbookSpeedTests
{
    [Fact]
    public void FiveHundredItems_AreWrittenFast()
    {
        var sheet = BudgetSheets.Generated(500);
        using (var warmUp = new MemoryStream())
            BudgetWorkbook.Write(sheet, warmUp);

        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            using var output = new MemoryStream();
            var watch = Stopwatch.StartNew();
            BudgetWorkbook.Write(sheet, output);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        // The aim is well under 50 ms (a Release build measures about 20 ms on a loaded
        // two-core machine); this bound only catches a regression by an order of magnitude, on
        // a Debug build of a busy test machine.
        var median = times.Order().ElementAt(times.Count / 2);
        Assert.True(median < 500, $"Median {median:F1} ms over {string.Join(", ", times.Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} ms.");
    }
}
