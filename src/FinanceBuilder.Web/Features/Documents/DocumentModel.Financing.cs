using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents;

/// Section C: financing by source and instrument (C.1), budget by component and year (C.2),
/// and the raw numbers of the "budget by component" chart. Every total is summed here.
public static partial class DocumentModel
{
    private static void AddFinancing(Dictionary<string, object?> model, Proposal proposal, KeyFigures figures, BudgetBreakdown budget, ValueFormat f)
    {
        var financing = proposal.Financing;
        var converter = new CurrencyConverter(financing.ExchangeRates);
        decimal? In(Money money) => converter.Convert(money, f.Currency);
        var total = figures.TotalFinancing;

        var gcf = financing.GcfInstruments.Select(g => (Row: g, Amount: In(g.Amount))).ToList();
        var co = financing.CoFinancing.Select(c => (Row: c, Amount: In(c.Amount))).ToList();
        var instruments = gcf.Select(g => (g.Row.Instrument, Gcf: g.Amount, Co: (decimal?)0m))
            .Concat(co.Select(c => (c.Row.Instrument, Gcf: (decimal?)0m, Co: c.Amount)))
            .GroupBy(x => x.Instrument).OrderBy(g => g.Key)
            .Select(g => (Instrument: g.Key, Gcf: Sum(g.Select(x => x.Gcf)), Co: Sum(g.Select(x => x.Co))))
            .ToList();

        model["financing"] = new Dictionary<string, object?>
        {
            ["gcf_instruments"] = gcf.Select((g, i) => (object)new Dictionary<string, object?>
            {
                ["number"] = Roman(i + 1),
                ["instrument"] = f.Label(g.Row.Instrument),
                ["amount"] = f.Money(g.Amount),
                ["tenor"] = Term(g.Row.Instrument, f.Number(g.Row.TenorYears, 1)),
                ["grace"] = Term(g.Row.Instrument, f.Number(g.Row.GracePeriodYears, 1)),
                ["pricing"] = Term(g.Row.Instrument, f.Percent(g.Row.PricingPercent, 2)),
                ["share"] = f.Share(g.Amount, figures.GcfRequest),
                ["onward"] = Onward(g.Row, f),
            }).ToList(),
            ["cofinanciers"] = co.Select(c => (object)new Dictionary<string, object?>
            {
                ["name"] = ValueFormat.OrMissing(c.Row.Name),
                ["type"] = f.Label(c.Row.Type),
                ["instrument"] = f.Label(c.Row.Instrument),
                ["amount"] = f.Money(c.Amount),
                ["original"] = c.Row.Amount.Currency == f.Currency ? "" : f.Money(c.Row.Amount.Amount, c.Row.Amount.Currency),
                ["tenor"] = Term(c.Row.Instrument, f.Number(c.Row.TenorYears, 1)),
                ["grace"] = Term(c.Row.Instrument, f.Number(c.Row.GracePeriodYears, 1)),
                ["pricing"] = Term(c.Row.Instrument, f.Percent(c.Row.PricingPercent, 2)),
                ["seniority"] = f.Label(c.Row.Seniority),
                ["status"] = f.Label(c.Row.Status),
                ["share"] = f.Share(c.Amount, total),
            }).ToList(),
            ["has_cofinancing"] = co.Count > 0,
            ["by_instrument"] = instruments.Select(x => (object)new Dictionary<string, object?>
            {
                ["instrument"] = f.Label(x.Instrument),
                ["gcf"] = f.Money(x.Gcf),
                ["cofinancing"] = f.Money(x.Co),
                ["total"] = f.Money(x.Gcf + x.Co),
                ["share"] = f.Share(x.Gcf + x.Co, total),
            }).ToList(),
            ["gcf_total"] = f.Money(figures.GcfRequest),
            ["cofinancing_total"] = f.Money(figures.CoFinancing),
            ["total"] = f.Money(total),
            ["gcf_share"] = f.Share(figures.GcfRequest, total),
            ["cofinancing_share"] = f.Share(figures.CoFinancing, total),
            ["ae_fee"] = f.Money(financing.AccreditedEntityFee is { } fee ? In(fee) : null),
            ["pmc"] = f.Money(financing.ProjectManagementCost is { } pmc ? In(pmc) : null),
            ["disbursements"] = financing.DisbursementSchedule.OrderBy(d => d.Year).Select(d => (object)new Dictionary<string, object?>
            {
                ["year"] = d.Year.ToString(CultureInfo.InvariantCulture),
                ["amount"] = f.Money(In(d.Amount)),
            }).ToList(),
            ["has_disbursements"] = financing.DisbursementSchedule.Count > 0,
            ["has_exchange_rates"] = financing.ExchangeRates.Count > 0,
            ["exchange_rates"] = financing.ExchangeRates.Select(r => (object)new Dictionary<string, object?>
            {
                ["pair"] = $"{r.From}/{r.To}",
                // "1 EUR = 655.957 XOF": the rate as given, up to six decimals.
                ["rate"] = $"1\u00A0{r.From}\u00A0=\u00A0{r.Rate.ToString("#,0.######", f.Culture)}\u00A0{r.To}", // one token: never split
                ["date"] = f.Date(r.Date),
                ["source"] = ValueFormat.OrMissing(r.Source),
            }).ToList(),
            // Amounts given in another currency than the reporting one (a commune's budget in
            // CFA francs, a donor's in euros), as given and as converted, for the reviewer to check.
            ["local_amounts"] = gcf.Select(g => (Name: f.Text("Document.Gcf"), Money: g.Row.Amount, Converted: g.Amount))
                .Concat(co.Select(c => (Name: ValueFormat.OrMissing(c.Row.Name), Money: c.Row.Amount, Converted: c.Amount)))
                .Where(x => x.Money.Currency != f.Currency)
                .Select(x => (object)new Dictionary<string, object?>
                {
                    ["name"] = x.Name,
                    ["original"] = f.Money(x.Money.Amount, x.Money.Currency),
                    ["amount"] = f.Money(x.Converted),
                }).ToList(),
        };
        model["economics"] = Economics(proposal.Economics, f, In);
        var breakdown = Budget(proposal, budget, f);
        model["budget"] = breakdown;
        // The concept note's C.1 table (kept under its first name).
        model["financing_by_component"] = breakdown["by_component"];
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return list.All(v => v is not null) ? list.Sum() : null;
    }

    private static string Roman(int n) => n switch
    {
        1 => "i",
        2 => "ii",
        3 => "iii",
        4 => "iv",
        5 => "v",
        6 => "vi",
        7 => "vii",
        8 => "viii",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// Budget lines by component × year (annex 4, C.2), with totals both ways; unconverted lines are left out and counted.
    private static Dictionary<string, object?> Budget(Proposal proposal, BudgetBreakdown budget, ValueFormat f)
    {
        // Printed to the unit, every table of the budget adds up both ways: each line is rounded
        // once, so that the lines sum to the rounded total (converted amounts have cents).
        var lines = WholeUnits(budget.Lines);
        decimal Total(FundingSourceKind? source = null) => lines.Where(l => source is null || l.Line.Source == source).Sum(l => l.Amount);
        var years = lines.Select(l => l.Line.Year).Distinct().OrderBy(y => y ?? int.MaxValue).ToList();
        var order = proposal.Components.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var groups = lines.GroupBy(l => l.Line.ComponentId ?? "")
            .OrderBy(g => order.TryGetValue(g.Key, out var i) ? i : int.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        string Name(string id) => id.Length == 0 ? ValueFormat.Missing
            : proposal.Components.FirstOrDefault(c => c.Id == id) is { Name: { Length: > 0 } name } ? $"{id} {name}" : id;
        decimal Of(IEnumerable<(BudgetLine Line, decimal Amount)> lines, FundingSourceKind source) => lines.Where(l => l.Line.Source == source).Sum(l => l.Amount);

        return new Dictionary<string, object?>
        {
            ["years"] = years.Select(y => (object)(y?.ToString(CultureInfo.InvariantCulture) ?? ValueFormat.Missing)).ToList(),
            ["by_year"] = groups.Select(g => (object)new Dictionary<string, object?>
            {
                ["component"] = Name(g.Key),
                ["cells"] = years.Select(y => (object)f.Number(g.Where(l => l.Line.Year == y).Sum(l => l.Amount))).ToList(),
                ["total"] = f.Number(g.Sum(l => l.Amount)),
            }).ToList(),
            ["year_totals"] = years.Select(y => (object)f.Number(lines.Where(l => l.Line.Year == y).Sum(l => l.Amount))).ToList(),
            ["by_component"] = groups.Select(g => (object)new Dictionary<string, object?>
            {
                ["component"] = Name(g.Key),
                ["gcf"] = f.Number(Of(g, FundingSourceKind.Gcf)),
                ["cofinancing"] = f.Number(Of(g, FundingSourceKind.CoFinancing)),
                ["total"] = f.Number(g.Sum(l => l.Amount)),
                ["share"] = f.Share(g.Sum(l => l.Amount), Total()),
                ["gcf_raw"] = ValueFormat.Raw(Of(g, FundingSourceKind.Gcf)),
                ["cofinancing_raw"] = ValueFormat.Raw(Of(g, FundingSourceKind.CoFinancing)),
                ["total_raw"] = ValueFormat.Raw(g.Sum(l => l.Amount)),
            }).ToList(),
            ["by_expenditure"] = lines.GroupBy(l => l.Line.ExpenditureType).OrderBy(g => g.Key ?? (ExpenditureType)int.MaxValue).Select(g => (object)new Dictionary<string, object?>
            {
                ["type"] = f.Label(g.Key),
                ["amount"] = f.Number(g.Sum(l => l.Amount)),
                ["share"] = f.Share(g.Sum(l => l.Amount), Total()),
            }).ToList(),
            ["has_lines"] = lines.Count > 0,
            ["total"] = f.Number(Total()),
            ["gcf"] = f.Number(Total(FundingSourceKind.Gcf)),
            ["cofinancing"] = f.Number(Total(FundingSourceKind.CoFinancing)),
            ["unconverted"] = f.Number(budget.Unconverted),
        };
    }

    /// The lines' amounts rounded to whole units so that they add up to their rounded total:
    /// each is rounded down, and the units left over go to the largest remainders.
    internal static List<(BudgetLine Line, decimal Amount)> WholeUnits(IReadOnlyList<(BudgetLine Line, decimal Amount)> lines)
    {
        var floors = lines.Select(l => (l.Line, Amount: Math.Floor(l.Amount), Fraction: l.Amount - Math.Floor(l.Amount))).ToList();
        var left = (int)(Math.Round(lines.Sum(l => l.Amount), MidpointRounding.AwayFromZero) - floors.Sum(l => l.Amount));
        var rounded = floors.Select(l => (l.Line, l.Amount)).ToList();
        foreach (var i in Enumerable.Range(0, floors.Count).OrderByDescending(i => floors[i].Fraction).ThenBy(i => i).Take(Math.Max(0, left)))
            rounded[i] = (rounded[i].Line, rounded[i].Amount + 1);
        return rounded;
    }

    /// D.6 efficiency facts the user gave (returns with and without GCF) next to the computed ones.
    private static Dictionary<string, object?> Economics(Economics e, ValueFormat f, Func<Money, decimal?> convert) => new()
    {
        ["generates_revenue"] = f.YesNo(e.GeneratesRevenue),
        ["annual_revenue"] = f.Money(e.AnnualRevenue is { } r ? convert(r) : null),
        ["annual_operating_cost"] = f.Money(e.AnnualOperatingCost is { } o ? convert(o) : null),
        ["discount_rate"] = f.Percent(e.DiscountRatePercent),
        ["eirr_with"] = f.Percent(e.EirrWithGcfPercent),
        ["eirr_without"] = f.Percent(e.EirrWithoutGcfPercent),
        ["firr_with"] = f.Percent(e.FirrWithGcfPercent),
        ["firr_without"] = f.Percent(e.FirrWithoutGcfPercent),
        ["sensitivity"] = e.SensitivityAnalysis ?? "",
        ["concessionality"] = e.ConcessionalityJustification ?? "",
        ["currency_risk"] = e.CurrencyRiskNote ?? "",
    };

    /// Tenor, grace and pricing mean something for lending and guarantees only: for a grant,
    /// equity, a results-based payment or an in-kind contribution the cell is left empty rather
    /// than called unanswered.
    private static string Term(FinancialInstrument? instrument, string value) =>
        instrument is FinancialInstrument.SeniorLoan or FinancialInstrument.SubordinatedLoan or FinancialInstrument.ReimbursableGrant or FinancialInstrument.Guarantee
            ? value
            : "";

    /// One sentence on how a GCF instrument is passed on (on-granting, on-lending), empty when
    /// the project spends it itself.
    private static string Onward(GcfInstrument g, ValueFormat f)
    {
        if (g.Channel is not (OnwardChannel.OnGranting or OnwardChannel.OnLending))
            return "";
        var recipients = string.IsNullOrWhiteSpace(g.Recipients) ? f.Text("Document.Onward.Unnamed") : g.Recipients.Trim();
        var text = string.Format(f.Culture, f.Text(g.Channel == OnwardChannel.OnGranting ? "Document.Onward.OnGranting" : "Document.Onward.OnLending"), recipients);
        if (!string.IsNullOrWhiteSpace(g.Intermediary))
            text += string.Format(f.Culture, f.Text("Document.Onward.Through"), g.Intermediary.Trim());
        if (g.Channel == OnwardChannel.OnGranting && g.PerformanceBased == true)
            text += f.Text("Document.Onward.PerformanceBased");
        if (g.Channel == OnwardChannel.OnLending && (g.OnLendingRatePercent is not null || g.OnLendingTenorYears is not null))
            text += string.Format(f.Culture, f.Text("Document.Onward.Terms"), f.Percent(g.OnLendingRatePercent, 2), f.Number(g.OnLendingTenorYears, 1), f.Number(g.OnLendingGracePeriodYears, 1));
        return text + ".";
    }
}
