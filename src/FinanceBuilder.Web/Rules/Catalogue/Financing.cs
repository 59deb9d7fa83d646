using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules.Catalogue;

// gcf-reference §10.2 — financing and budget consistency. Totals (A.7, A.8, C.1) are computed
// from the rows, so hold by construction; the rules below
// check what users type: the budget lines against the financing rows.

public sealed class R024BudgetReconciles : Rule
{
    public override string Id => "R-024";
    public override Severity Severity => Severity.Error;
    public override string Source => "Tool (C.2 structure); GCF FP template consistency note";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var lines = context.Proposal.Budget.Lines;
        if (lines.Count == 0)
            yield break;
        var converted = lines.Select(l => (Line: l, Amount: context.Convert(l.Amount))).ToList();
        if (converted.Any(c => c.Amount is null))
            yield break; // R-030 reports the missing exchange rate.

        var budgetTotal = converted.Sum(c => c.Amount!.Value);
        if (context.Figures.TotalFinancing is { } total && !context.SameAmount(budgetTotal, total))
            yield return Found(context, "Total", "$.budget.lines", context.Money(budgetTotal), context.Money(total));

        var gcfLines = converted.Where(c => c.Line.Source == FundingSourceKind.Gcf).Sum(c => c.Amount!.Value);
        if (context.Figures.GcfRequest is { } gcf && !context.SameAmount(gcfLines, gcf))
            yield return Found(context, "Gcf", "$.budget.lines", context.Money(gcfLines), context.Money(gcf));

        var cofinanciers = context.Proposal.Financing.CoFinancing;
        for (var i = 0; i < cofinanciers.Count; i++)
        {
            var cf = cofinanciers[i];
            var inBudget = converted.Where(c => c.Line.Source == FundingSourceKind.CoFinancing && c.Line.CoFinancierId == cf.Id).Sum(c => c.Amount!.Value);
            if (context.Convert(cf.Amount) is { } declared && !context.SameAmount(inBudget, declared))
                yield return Found(context, "CoFinancier", $"$.financing.coFinancing[{i}].amount", cf.Name ?? cf.Id, context.Money(inBudget), context.Money(declared));
        }
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Source == FundingSourceKind.CoFinancing && !cofinanciers.Any(c => c.Id == lines[i].CoFinancierId))
                yield return Found(context, "UnknownCoFinancier", $"$.budget.lines[{i}].coFinancierId", lines[i].CoFinancierId ?? "—");
        }
    }
}

public sealed class R026ExpenditureType : Rule
{
    public override string Id => "R-026";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template V.1 (breakdown by expenditure type)";
    public override TemplateSection Section => TemplateSection.Financing;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var lines = context.Proposal.Budget.Lines;
        var untagged = Enumerable.Range(0, lines.Count).Where(i => lines[i].ExpenditureType is null).ToList();
        if (untagged.Count > 0)
            yield return Found(context, null, untagged.Take(20).Select(i => $"$.budget.lines[{i}].expenditureType").ToList(), untagged.Count);
    }
}

public sealed class R027Disbursements : Rule
{
    public override string Id => "R-027";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP term sheet (disbursement schedule)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var schedule = context.Proposal.Financing.DisbursementSchedule;
        if (schedule.Count == 0)
            yield break;
        var amounts = schedule.Select(d => context.Convert(d.Amount)).ToList();
        if (amounts.All(a => a is not null) && context.Figures.GcfRequest is { } gcf && !context.SameAmount(amounts.Sum(a => a!.Value), gcf))
            yield return Found(context, "Sum", "$.financing.disbursementSchedule", context.Money(amounts.Sum(a => a!.Value)), context.Money(gcf));
        var b = context.Proposal.Basics;
        if (b.ImplementationStart is { } start && b.ImplementationEnd is { } end)
        {
            var closing = (int)context.Param(this, "closingWindowYears", 1);
            for (var i = 0; i < schedule.Count; i++)
            {
                if (schedule[i].Year < start.Year || schedule[i].Year > end.Year + closing)
                    yield return Found(context, "Period", $"$.financing.disbursementSchedule[{i}].year", schedule[i].Year, start.Year, end.Year + closing);
            }
        }
    }
}

public sealed class R028CoFinanciers : Rule
{
    public override string Id => "R-028";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF policy on co-financing (B.24/14)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var cofinanciers = context.Proposal.Financing.CoFinancing;
        for (var i = 0; i < cofinanciers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cofinanciers[i].Name))
                yield return Found(context, "Name", $"$.financing.coFinancing[{i}].name", cofinanciers[i].Id);
            if (cofinanciers[i].Status is null)
                yield return Found(context, "Status", $"$.financing.coFinancing[{i}].status", cofinanciers[i].Name ?? cofinanciers[i].Id);
        }
        if (cofinanciers.Any(c => c.Status == CommitmentStatus.Committed)
            && !context.Proposal.Annexes.Any(a => a.Type == AnnexType.CoFinancingLetters))
            yield return Found(context, "Letters", "$.annexes");
    }
}

public sealed class R029CoFinancingRatio : Rule
{
    public override string Id => "R-029";
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF co-financing practice (ratio shown as 1:x; no minimum for GCF)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Figures.CoFinancingRatio is 0m)
            yield return Found(context, "None", "$.financing");
        else if (context.Figures.CoFinancingRatio is { } ratio)
            yield return Found(context, null, "$.financing", new RatioArg(ratio));
    }
}

public sealed class R030ExchangeRates : Rule
{
    public override string Id => "R-030";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP template (local/foreign currency breakdown); tool";
    public override TemplateSection Section => TemplateSection.Financing;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var currency = context.Currency;
        var moneys = new List<(Money Money, string Path)>();
        moneys.AddRange(p.Budget.Lines.Select((l, i) => (l.Amount, $"$.budget.lines[{i}].amount")));
        moneys.AddRange(p.Financing.GcfInstruments.Select((g, i) => (g.Amount, $"$.financing.gcfInstruments[{i}].amount")));
        moneys.AddRange(p.Financing.CoFinancing.Select((c, i) => (c.Amount, $"$.financing.coFinancing[{i}].amount")));
        moneys.AddRange(p.Financing.DisbursementSchedule.Select((d, i) => (d.Amount, $"$.financing.disbursementSchedule[{i}].amount")));
        foreach (var group in moneys.Where(m => m.Money.Currency != currency && context.Convert(m.Money) is null).GroupBy(m => m.Money.Currency))
            yield return Found(context, "Missing", group.Take(20).Select(g => g.Path).ToList(), group.Key, currency);

        var rates = p.Financing.ExchangeRates;
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i].Rate <= 0)
                yield return Found(context, "Zero", $"$.financing.exchangeRates[{i}].rate", rates[i].From, rates[i].To);
            else if (string.IsNullOrWhiteSpace(rates[i].Source) || rates[i].Date is null)
                yield return Found(context, "Provenance", $"$.financing.exchangeRates[{i}]", rates[i].From, rates[i].To);
        }
        foreach (var pair in rates.Select((r, i) => (Key: string.Join("/", new[] { r.From, r.To }.Order(StringComparer.Ordinal)), Index: i)).GroupBy(r => r.Key).Where(g => g.Count() > 1))
            yield return Found(context, "Duplicate", pair.Select(r => $"$.financing.exchangeRates[{r.Index}]").ToList(), pair.Key);
    }
}

public sealed class R031CurrencyRisk : Rule
{
    public override string Id => "R-031";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF FP template V.1 (currency hedging for hard-currency loans)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var loans = p.Financing.GcfInstruments.Any(g => IsLoan(g.Instrument)) || p.Financing.CoFinancing.Any(c => IsLoan(c.Instrument));
        if (loans && string.IsNullOrWhiteSpace(p.Economics.CurrencyRiskNote))
            yield return Found(context, null, "$.economics.currencyRiskNote");
    }

    internal static bool IsLoan(FinancialInstrument i) => i is FinancialInstrument.SeniorLoan or FinancialInstrument.SubordinatedLoan;
}

public sealed class R032LoanTerms : Rule
{
    public override string Id => "R-032";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF FP C.1 (tenor, grace, pricing) and term sheet";
    public override TemplateSection Section => TemplateSection.Financing;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var rows = p.Financing.GcfInstruments.Select((g, i) => (g.Instrument, g.TenorYears, g.GracePeriodYears, g.PricingPercent, Path: $"$.financing.gcfInstruments[{i}]"))
            .Concat(p.Financing.CoFinancing.Select((c, i) => (c.Instrument, c.TenorYears, c.GracePeriodYears, c.PricingPercent, Path: $"$.financing.coFinancing[{i}]")));
        var anyGcfLoan = false;
        foreach (var row in rows.Where(r => R031CurrencyRisk.IsLoan(r.Instrument)))
        {
            anyGcfLoan |= row.Path.Contains("gcfInstruments", StringComparison.Ordinal);
            if (row.TenorYears is null || row.GracePeriodYears is null || row.PricingPercent is null)
                yield return Found(context, "Missing", row.Path);
            else if (row.TenorYears <= row.GracePeriodYears)
                yield return Found(context, "Tenor", $"{row.Path}.tenorYears", row.TenorYears, row.GracePeriodYears);
        }
        if (anyGcfLoan && context.Route is Route.FundingProposal or Route.Sap && !p.Annexes.Any(a => a.Type == AnnexType.TermSheet))
            yield return Found(context, "TermSheet", "$.annexes");
        // Money lent on: who lends it, to whom, and on what terms, or a reviewer cannot judge
        // the concessionality that reaches the sub-borrowers.
        for (var i = 0; i < p.Financing.GcfInstruments.Count; i++)
        {
            var g = p.Financing.GcfInstruments[i];
            if (g.Channel == OnwardChannel.OnLending && (string.IsNullOrWhiteSpace(g.Recipients) || g.OnLendingTenorYears is null || g.OnLendingRatePercent is null))
                yield return Found(context, "OnLending", $"$.financing.gcfInstruments[{i}]", g.Instrument) with { Severity = Severity.Warning };
            else if (g.OnLendingTenorYears is { } tenor && g.OnLendingGracePeriodYears is { } grace && tenor <= grace)
                yield return Found(context, "Tenor", $"$.financing.gcfInstruments[{i}].onLendingTenorYears", tenor, grace);
        }
    }
}

public sealed class R033Concessionality : Rule
{
    public override string Id => "R-033";
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF minimum concessionality principle";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.EfficiencyEffectiveness;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var p = context.Proposal;
        var grantOnly = p.Financing.GcfInstruments.Count > 0 && p.Financing.GcfInstruments.All(g => g.Instrument is FinancialInstrument.Grant or FinancialInstrument.InKind);
        if (p.Economics.GeneratesRevenue == true && grantOnly && string.IsNullOrWhiteSpace(p.Economics.ConcessionalityJustification))
            yield return Found(context, null, "$.economics.concessionalityJustification");
    }
}

public sealed class R034FeesShown : Rule
{
    public override string Id => "R-034";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF policy on fees (B.19/09)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override IReadOnlyList<Route> Routes => FullProposals;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var f = context.Proposal.Financing;
        if (f.GcfInstruments.Count == 0)
            yield break;
        if (f.ProjectManagementCost is null)
            yield return Found(context, "Pmc", "$.financing.projectManagementCost");
        var cap = context.Param(this, "maxPmcPercentOfGcf", 0m);
        if (cap > 0 && f.ProjectManagementCost is { } pmc && context.Convert(pmc) is { } amount && context.Figures.GcfRequest is > 0 and var gcf
            && amount / gcf * 100m > cap)
            yield return Found(context, "PmcCap", "$.financing.projectManagementCost", new PercentArg(amount / gcf * 100m), new PercentArg(cap));
    }
}

public sealed class R035Ppf : Rule
{
    /// The most the PPF lends or grants per request, in USD (the documents print it from here).
    public decimal Ceiling(RuleContext context) => context.Param(this, "maxUsd", 1_500_000m);

    /// Up to this amount the simplified PPF procedure applies.
    public decimal SimplifiedCeiling(RuleContext context) => context.Param(this, "simplifiedMaxUsd", 300_000m);

    public override string Id => "R-035";
    public override Severity Severity => Severity.Error;
    public override string Source => "GCF Project Preparation Facility (up to USD 1.5 million; simplified up to USD 300,000; funding proposal within 24 months)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override IReadOnlyList<Route> Routes => [Route.Ppf];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        if (context.Figures.GcfRequestUsd is not { } gcf)
            yield break;
        var max = Ceiling(context);
        var simplified = SimplifiedCeiling(context);
        if (gcf > max)
            yield return Found(context, null, "$.financing.gcfInstruments", new MoneyArg(gcf, "USD"), new MoneyArg(max, "USD"));
        else if (gcf <= simplified)
            yield return Found(context, "Simplified", "$.financing.gcfInstruments", new MoneyArg(simplified, "USD")) with { Severity = Severity.Advice };

        // The funding proposal is expected within two years of the PPF's approval.
        var months = context.Param(this, "maxPreparationMonths", 24m);
        if (context.Proposal.Ppf.PreparationMonths is { } preparation && preparation > months)
            yield return Found(context, "Late", "$.ppf.preparationMonths", preparation, (int)months) with { Severity = Severity.Warning };

        // The activities' PPF costs are what is requested: a difference means one of them is out of date.
        var costs = context.Proposal.Ppf.Activities.Where(a => a.Cost is not null).Select(a => context.Convert(a.Cost!)).ToList();
        if (costs.Count > 0 && costs.All(c => c is not null) && context.Figures.GcfRequest is { } request && !context.SameAmount(costs.Sum()!.Value, request))
            yield return Found(context, "Activities", ["$.ppf.activities", "$.financing.gcfInstruments"], context.Money(costs.Sum()!.Value), context.Money(request)) with { Severity = Severity.Warning };
    }
}

public sealed class R036ReadinessEnvelope : Rule
{
    public override string Id => "R-036";
    public override Severity Severity => Severity.Warning;
    public override string Source => "GCF Readiness and Preparatory Support Programme, country support envelope";
    public override TemplateSection Section => TemplateSection.Financing;
    public override IReadOnlyList<Route> Routes => [Route.Readiness];

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var envelope = context.Proposal.Target.ReadinessEnvelope;
        if (envelope?.Window is not { } window || context.Figures.GcfRequestUsd is not { } request)
            yield break;
        var mainMax = context.Param(this, "mainMaxUsd", 4_000_000m);
        var napMax = context.Param(this, "nap1MaxUsd", 3_000_000m);
        var nap2Threshold = context.Param(this, "nap2RemainingBelowUsd", 250_000m);
        var mainUsed = envelope.MainUsedUsd ?? 0m;
        var napUsed = envelope.Nap1UsedUsd ?? 0m;
        var remaining = mainMax + napMax - mainUsed - napUsed;
        switch (window)
        {
            case ReadinessWindow.Main when mainUsed + request > mainMax:
                yield return Found(context, "Main", "$.financing.gcfInstruments", new MoneyArg(request, "USD"), new MoneyArg(Math.Max(0, mainMax - mainUsed), "USD"));
                break;
            case ReadinessWindow.Nap1 when napUsed + request > napMax:
                yield return Found(context, "Nap1", "$.financing.gcfInstruments", new MoneyArg(request, "USD"), new MoneyArg(Math.Max(0, napMax - napUsed), "USD"));
                break;
            case ReadinessWindow.Nap2 when remaining >= nap2Threshold:
                yield return Found(context, "Nap2", "$.target.readinessEnvelope", new MoneyArg(remaining, "USD"), new MoneyArg(nap2Threshold, "USD"));
                break;
            case ReadinessWindow.Nap2 when request > napMax:
                yield return Found(context, "Nap2Cap", "$.financing.gcfInstruments", new MoneyArg(request, "USD"), new MoneyArg(napMax, "USD"));
                break;
        }
    }
}

public sealed class R037InKind : Rule
{
    public override string Id => "R-037";
    public override Severity Severity => Severity.Advice;
    public override string Source => "Tool (in-kind co-financing shown apart from cash)";
    public override TemplateSection Section => TemplateSection.Financing;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var cofinanciers = context.Proposal.Financing.CoFinancing;
        var inKind = cofinanciers.Where(c => c.Instrument == FinancialInstrument.InKind).Select(c => context.Convert(c.Amount) ?? 0m).Sum();
        if (inKind > 0)
            yield return Found(context, null, "$.financing.coFinancing", context.Money(inKind));
    }
}

public sealed class R038GcfShare : Rule
{
    public override string Id => "R-038";
    public override Severity Severity => Severity.Advice;
    public override string Source => "GCF investment criteria (needs of the recipient; efficiency)";
    public override TemplateSection Section => TemplateSection.Financing;
    public override InvestmentCriterion? Criterion => InvestmentCriterion.NeedsOfRecipient;

    public override IEnumerable<Finding> Evaluate(RuleContext context)
    {
        var threshold = context.Param(this, "sharePercent", 90m);
        if (context.Figures.GcfSharePercent is not { } share || share < threshold)
            yield break;
        var (needs, efficiency) = SectionNames.NeedsAndEfficiency(context.Route);
        yield return efficiency is null
            ? Found(context, "OneSection", ["$.financing", "$.narratives.investmentCriteria.needsOfRecipient"], new PercentArg(share), needs)
            : Found(context, null, ["$.financing", "$.narratives.investmentCriteria.needsOfRecipient"], new PercentArg(share), needs, efficiency);
    }
}
