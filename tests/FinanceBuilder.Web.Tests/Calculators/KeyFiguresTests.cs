using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Calculators;

public sealed class KeyFiguresTests
{
    private static Money Usd(decimal amount) => new() { Amount = amount, Currency = "USD" };

    private static Proposal Financed(decimal gcf, decimal coFinancing)
    {
        var proposal = new Proposal();
        proposal.Financing.GcfInstruments.Add(new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = Usd(gcf) });
        if (coFinancing > 0)
            proposal.Financing.CoFinancing.Add(new CoFinancier { Id = "CF1", Instrument = FinancialInstrument.SeniorLoan, Amount = Usd(coFinancing) });
        return proposal;
    }

    /// B.10/17 (§7.1): Micro ≤ 10; Small > 10 and ≤ 50; Medium > 50 and ≤ 250; Large > 250 (USD million), boundaries inclusive.
    [Theory]
    [InlineData(10_000_000, SizeCategory.Micro)]
    [InlineData(10_000_001, SizeCategory.Small)]
    [InlineData(50_000_000, SizeCategory.Small)]
    [InlineData(50_000_000.01, SizeCategory.Medium)]
    [InlineData(250_000_000, SizeCategory.Medium)]
    [InlineData(250_000_001, SizeCategory.Large)]
    public void SizeCategory_FromTotalFinancingInUsd(double total, SizeCategory expected) =>
        Assert.Equal(expected, KeyFigures.Compute(Financed((decimal)total / 2m, (decimal)total / 2m)).SizeCategory);

    /// §6.4: USD 100 m GCF with USD 1,310 m co-finance is described as 1:13.
    /// Two significant figures at least: a small co-financing is never "1 : 0".
    [Theory]
    [InlineData(0.053, "en", "1 : 0.053")]
    [InlineData(0.0534, "en", "1 : 0.053")]
    [InlineData(0.15, "en", "1 : 0.15")]
    [InlineData(1.15, "en", "1 : 1.2")]
    [InlineData(0.7, "fr", "1\u00A0: 0,70")]
    [InlineData(0.395, "en", "1 : 0.40")]
    [InlineData(1.04, "en", "1 : 1.0")]
    [InlineData(0.0996, "en", "1 : 0.10")]
    [InlineData(9.96, "en", "1 : 10")]
    [InlineData(0.0004, "en", "1 : 0.00040")]
    [InlineData(13.1, "en", "1 : 13")]
    [InlineData(0, "en", "1 : 0")]
    public void CoFinancingRatio_KeepsTwoSignificantFigures(double ratio, string language, string expected) =>
        Assert.Equal(expected, KeyFigures.RatioText((decimal)ratio, System.Globalization.CultureInfo.GetCultureInfo(language)));

    [Fact]
    public void CoFinancingRatio_IsShownAsOneToX()
    {
        var figures = KeyFigures.Compute(Financed(100_000_000m, 1_310_000_000m));

        Assert.Equal(13.1m, figures.CoFinancingRatio);
        Assert.Equal("1 : 13", figures.CoFinancingRatioText(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_410_000_000m, figures.TotalFinancing);
        Assert.Equal(7.09m, Math.Round(figures.GcfSharePercent!.Value, 2));
        Assert.Equal(SizeCategory.Large, figures.SizeCategory);
    }

    [Fact]
    public void OtherCurrencies_AreConvertedWithTheProposalsRates_OrReportedAsGaps()
    {
        var proposal = Financed(8_000_000m, 0m);
        proposal.Financing.CoFinancing.Add(new CoFinancier { Id = "CITY", Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = 1_000_000_000m, Currency = "XOF" } });

        var without = KeyFigures.Compute(proposal);
        proposal.Financing.ExchangeRates.Add(new ExchangeRate { From = "USD", To = "XOF", Rate = 600m, Source = "BCEAO", Date = new DateOnly(2026, 8, 31) });
        var with = KeyFigures.Compute(proposal);

        Assert.Null(without.TotalFinancing);
        Assert.Contains(without.Gaps, g => g.StartsWith("$.financing.coFinancing[0].amount", StringComparison.Ordinal));
        Assert.Equal(9_666_666.67m, Math.Round(with.TotalFinancing!.Value, 2));
    }

    [Fact]
    public void EmptyProposal_HasNoFiguresAndNoException()
    {
        var figures = KeyFigures.Compute(new Proposal());

        Assert.Null(figures.TotalFinancing);
        Assert.Null(figures.SizeCategory);
        Assert.Null(figures.LifetimeTco2e);
        Assert.Null(figures.DirectBeneficiaries);
        Assert.NotEmpty(figures.Gaps);
    }

    /// The samples compute their figures; the helpers who wrote them reported these totals.
    [Theory]
    [InlineData("mitigation-tamale-solar-led.json", 13_025_000, 8_365_000, SizeCategory.Small)]
    [InlineData("adaptation-cotonou-drainage-fr.json", 40_000_000, 24_000_000, SizeCategory.Small)]
    [InlineData("crosscutting-cuenca-watershed-bus.json", 70_000_000, 32_500_000, SizeCategory.Medium)]
    public void Samples_HaveTheirStatedTotals(string sample, double total, double gcf, SizeCategory size)
    {
        var proposal = new ProposalReader().Read(Samples.Read(sample), System.Globalization.CultureInfo.InvariantCulture).Proposal!;

        var figures = KeyFigures.Compute(proposal);

        Assert.Equal((decimal)total, figures.TotalFinancing);
        Assert.Equal((decimal)gcf, figures.GcfRequest);
        Assert.Equal(size, figures.SizeCategory);
        Assert.Equal(proposal.Basics.DeclaredSizeCategory, figures.SizeCategory);
        Assert.All(figures.Emissions, e => Assert.True(e.IsComplete, string.Join(", ", e.MissingInputs)));
    }
}
