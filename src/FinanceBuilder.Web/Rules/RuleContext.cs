using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// What a rule sees: the proposal, the figures computed from it once for all rules, the route
/// being checked, the parameters of the template version and, once a package's document is laid
/// out, its measured length.
public sealed class RuleContext(Proposal proposal, KeyFigures figures, Route route, RuleSettings settings, DocumentLength? length = null)
{
    public Proposal Proposal { get; } = proposal;
    public KeyFigures Figures { get; } = figures;
    public Route Route { get; } = route;
    public RuleSettings Settings { get; } = settings;

    /// The generated document's pages and words; null while there is no document (the length
    /// rules then estimate).
    public DocumentLength? Length { get; } = length;

    public string Currency => Figures.ReportingCurrency;

    public decimal Param(Rule rule, string name, decimal fallback) => Settings.Param(rule.Id, name, fallback);

    public Severity SeverityOf(Rule rule) => Settings.SeverityOverride(rule.Id, Route) ?? rule.Severity;

    /// Two amounts agree within the catalogue's tolerance: ≤ 0.5 % or ≤ 1 unit (gcf-reference §10).
    public bool SameAmount(decimal a, decimal b) => Settings.SameAmount(a, b);

    public MoneyArg Money(decimal amount) => new(amount, Currency);

    /// The amount in the reporting currency, or null without an exchange rate (R-030 reports that).
    public decimal? Convert(Money money) => converter.Convert(money, Currency);

    private readonly CurrencyConverter converter = new(proposal.Financing.ExchangeRates);
}
