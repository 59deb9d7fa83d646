using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// The computed figures every template, rule and reviewer uses (gcf-reference §6.4, §7.1, A.5–A.10):
/// computed from the proposal's rows, never typed (R-080). Null means "cannot be computed yet";
/// <see cref="Gaps"/> says why, by JSON path.
public sealed record KeyFigures
{
    public required string ReportingCurrency { get; init; }
    public decimal? GcfRequest { get; init; }
    public decimal? CoFinancing { get; init; }
    public decimal? TotalFinancing { get; init; }
    public decimal? TotalFinancingUsd { get; init; }
    public decimal? GcfRequestUsd { get; init; }
    public SizeCategory? SizeCategory { get; init; }
    public decimal? GcfSharePercent { get; init; }
    /// x in "1 : x" — co-financing per unit of GCF funding (information only; GCF has no minimum).
    public decimal? CoFinancingRatio { get; init; }
    public decimal? AnnualTco2e { get; init; }
    public decimal? LifetimeTco2e { get; init; }
    public decimal? CostPerTco2e { get; init; }
    public decimal? GcfCostPerTco2e { get; init; }
    public long? DirectBeneficiaries { get; init; }
    public long? IndirectBeneficiaries { get; init; }
    public decimal? DirectFemalePercent { get; init; }
    public decimal? DirectPercentOfPopulation { get; init; }
    public decimal? IndirectPercentOfPopulation { get; init; }
    public IReadOnlyList<EmissionResult> Emissions { get; init; } = [];
    public IReadOnlyList<string> Gaps { get; init; } = [];

    /// "1 : 13" for a ratio of 13.1 (gcf-reference §6.4), in the reader's number format.
    /// "1 : 0.15", or "no co-financing" when there is none: "1 : 0" would read as a figure
    /// rounded away.
    public string? CoFinancingRatioText(CultureInfo culture) => CoFinancingRatio switch
    {
        0m => Proposals.Text.ProposalText.Get("Figure.NoCoFinancing", culture),
        { } x => RatioText(x, culture),
        null => null,
    };

    /// Two significant figures at least ("1 : 0.053", "1 : 0.15", "1 : 1.2", "1 : 13"), so a
    /// small co-financing never reads "1 : 0". French keeps the colon with its no-break space: "1 : 0,7".
    public static string RatioText(decimal x, CultureInfo culture)
    {
        // Two significant figures, trailing zero included (0.40, 1.0), as the issue asks of the
        // printed ratio; a value that rounds up into the next magnitude (0.0996 → 0.10) keeps two.
        var decimals = RatioDecimals(x);
        var rounded = Math.Round(x, decimals, MidpointRounding.AwayFromZero);
        var again = RatioDecimals(rounded);
        if (again < decimals)
            (decimals, rounded) = (again, Math.Round(rounded, again, MidpointRounding.AwayFromZero));
        var text = rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        return $"1{(culture.TwoLetterISOLanguageName == "fr" ? "\u00A0" : " ")}: {text}";
    }

    private static int RatioDecimals(decimal x)
    {
        if (x <= 0)
            return 0;
        // The decimals that leave two significant figures: 1 for 1.15, 2 for 0.15, 3 for 0.053.
        var decimals = 1;
        for (var magnitude = 1m; x < magnitude && decimals < 12; magnitude /= 10)
            decimals++;
        return x >= 10 ? 0 : decimals;
    }

    public static KeyFigures Compute(Proposal proposal, FundParameters? parameters = null)
    {
        parameters ??= FundParameters.Default;
        var gaps = new List<string>();
        var currency = proposal.Budget.ReportingCurrency;
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);

        decimal? Sum(IEnumerable<(Money Money, string Path)> items, string to)
        {
            var total = 0m;
            var complete = true;
            foreach (var (money, path) in items)
            {
                if (converter.Convert(money, to) is { } value)
                    total += value;
                else
                {
                    complete = false;
                    gaps.Add($"{path}: no exchange rate {money.Currency}→{to}");
                }
            }
            return complete ? total : null;
        }

        var gcfItems = proposal.Financing.GcfInstruments.Select((g, i) => (g.Amount, $"$.financing.gcfInstruments[{i}].amount")).ToList();
        var coItems = proposal.Financing.CoFinancing.Select((c, i) => (c.Amount, $"$.financing.coFinancing[{i}].amount")).ToList();
        var gcf = gcfItems.Count > 0 ? Sum(gcfItems, currency) : null;
        var co = Sum(coItems, currency);
        var total = gcf + co;
        var totalUsd = gcfItems.Count > 0 ? Sum([.. gcfItems, .. coItems], "USD") : null;
        var gcfUsd = gcfItems.Count > 0 ? Sum(gcfItems, "USD") : null;
        if (gcfItems.Count == 0)
            gaps.Add("$.financing.gcfInstruments: no GCF instrument yet");

        var emissions = EmissionCalculator.CalculateAll(proposal);
        var computed = emissions.Where(e => e.IsComplete).ToList();
        decimal? lifetime = computed.Count > 0 ? computed.Sum(e => e.LifetimeTco2e) : null;
        decimal? annual = computed.Count > 0 ? computed.Sum(e => e.AverageAnnualTco2e) : null;
        gaps.AddRange(emissions.SelectMany(e => e.MissingInputs));

        // Mitigation measures reach people too (households connected, passengers): both count.
        var reached = MeasureBeneficiaries.Of(proposal).Select(m => m.Counts).ToList();
        var direct = SumPeople(reached.Select(b => b.Direct));
        var indirect = SumPeople(reached.Select(b => b.Indirect));
        // The share of women only when every count of direct beneficiaries gives it: totals
        // without a split say nothing about women, and must not read as 0 %.
        var directFemale = reached.Where(b => b.Direct.Known() is > 0).All(b => b.Direct.Female is not null)
            ? reached.Sum(b => b.Direct.Female ?? 0)
            : (long?)null;
        var population = PopulationOf(proposal);
        // Indirect beneficiaries counted in a wider area of their own (a basin, the region) are
        // not a share of the applicant's population: the share counts only the others.
        var indirectAtHome = SumPeople(reached.Where(b => b.IndirectAreaPopulation is null).Select(b => b.Indirect));

        return new KeyFigures
        {
            ReportingCurrency = currency,
            GcfRequest = gcf,
            CoFinancing = co,
            TotalFinancing = total,
            TotalFinancingUsd = totalUsd,
            GcfRequestUsd = gcfUsd,
            SizeCategory = totalUsd is { } usd ? parameters.SizeOf(usd) : null,
            GcfSharePercent = total is > 0 && gcf is { } g ? g / total * 100m : null,
            CoFinancingRatio = gcf is > 0 && co is { } c ? c / gcf : null,
            AnnualTco2e = annual,
            LifetimeTco2e = lifetime,
            CostPerTco2e = lifetime is > 0 && total is { } t ? t / lifetime : null,
            GcfCostPerTco2e = lifetime is > 0 && gcf is { } gg ? gg / lifetime : null,
            DirectBeneficiaries = direct,
            IndirectBeneficiaries = indirect,
            DirectFemalePercent = direct is > 0 && directFemale is { } women ? women * 100m / direct.Value : null,
            DirectPercentOfPopulation = population is > 0 && direct is { } d ? d * 100m / population.Value : null,
            IndirectPercentOfPopulation = population is > 0 && indirectAtHome is { } ind ? ind * 100m / population.Value : null,
            Emissions = emissions,
            Gaps = gaps,
        };
    }

    /// The population the beneficiaries are a share of: that of the local governments the
    /// project covers when every one gives it, else the applicant's own. Levels nest (the
    /// municipalities of four states): each level is summed, and the largest sum is the area's.
    public static long? PopulationOf(Proposal proposal)
    {
        var places = proposal.Basics.LocalGovernments;
        return places.Count > 0 && places.All(l => l.Population is > 0)
            ? places.GroupBy(l => l.Level).Max(level => level.Sum(l => l.Population!.Value))
            : proposal.Applicant.Proponent.Population;
    }

    private static long? SumPeople(IEnumerable<PeopleCount> counts)
    {
        long total = 0;
        var any = false;
        foreach (var count in counts)
        {
            if (count.Known() is not { } known)
                continue;
            any = true;
            total += known;
        }
        return any ? total : null;
    }
}
