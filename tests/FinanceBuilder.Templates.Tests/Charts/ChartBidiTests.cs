using FinanceBuilder.Templates.Charts;

namespace FinanceBuilder.Templates.Tests.Charts;

public sealed class ChartBidiTests
{
    [Theory]
    [InlineData("Disbursements 2026", "Disbursements 2026")]
    [InlineData("שלום", "םולש")]
    [InlineData("שלום 2026", "2026 םולש")]
    [InlineData("GCF שלום", "GCF םולש")]
    [InlineData("", "")]
    public void Visual_ReversesRightToLeftRuns(string logical, string visual) =>
        Assert.Equal(visual, ChartBidi.Visual(logical));
}
