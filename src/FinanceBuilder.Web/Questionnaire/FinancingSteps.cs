using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Section C: the budget lines, the financing structure and the economics behind D.6.
public static class FinancingSteps
{
    public static readonly Step Budget = new("budget", StepGroup.Financing,
    [
        F("budget.reportingCurrency"),
        Panel("budgetTotals"),
        new ListBlock("budget.lines",
        [
            Ref("componentId", Choices.Components), Ref("outputId", Choices.Outputs), Ref("activityId", Choices.Activities), F("description"), F("expenditureType"), F("year"),
            F("amount"), F("source"), Ref("coFinancierId", Choices.CoFinanciers), F("instrument"), F("unit"), F("quantity"), F("unitCost"), F("note"),
        ], (scope, _) => new BudgetLine
        {
            Amount = new Money { Amount = 0, Currency = ((Proposal)scope).Budget.ReportingCurrency },
            Source = FundingSourceKind.Gcf,
        })
        // One row per cost item and one column per year (ADR 0008), stored one line per year.
        { AsTable = true, Editor = ListEditorKind.BudgetGrid, PageSize = 50 },
    ]);

    public static readonly Step Financing = new("financing", StepGroup.Financing,
    [
        List<GcfInstrument>("financing.gcfInstruments", _ => new GcfInstrument { Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = 0, Currency = "USD" } },
            F("instrument") with { Refresh = true }, F("amount"),
            When<GcfInstrument>(i => IsRepaid(i.Instrument), F("tenorYears"), F("gracePeriodYears"), F("pricingPercent")),
            // Local programmes pass the money on: to communes as (performance-based) grants, or
            // as loans through a bank. Who passes it, to whom, and on what terms.
            F("channel") with { Refresh = true },
            When<GcfInstrument>(i => i.Channel is OnwardChannel.OnGranting or OnwardChannel.OnLending, F("intermediary"), F("recipients")),
            When<GcfInstrument>(i => i.Channel == OnwardChannel.OnGranting, F("performanceBased")),
            When<GcfInstrument>(i => i.Channel == OnwardChannel.OnLending, F("onLendingTenorYears"), F("onLendingGracePeriodYears"), F("onLendingRatePercent"))) with { TitleField = "instrument" },
        List<CoFinancier>("financing.coFinancing",
            list => new CoFinancier { Id = Choices.NextId("CF-", list.Select(c => c.Id)), Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = 0, Currency = "USD" } },
            F("id"), F("name"), F("type"), F("instrument") with { Refresh = true }, F("amount"), F("status"),
            When<CoFinancier>(c => IsRepaid(c.Instrument), F("seniority"), F("tenorYears"), F("gracePeriodYears"), F("pricingPercent"))) with { TitleField = "name" },
        List<ExchangeRate>("financing.exchangeRates", _ => new ExchangeRate { From = "EUR", To = "USD", Rate = 1 },
            F("from"), F("to"), F("rate"), F("date"), F("source")) with { AsTable = true },
        List<Disbursement>("financing.disbursementSchedule", _ => new Disbursement { Year = 2027, Amount = new Money { Amount = 0, Currency = "USD" } },
            F("year"), F("amount")) with { AsTable = true },
        Group("fees", F("financing.accreditedEntityFee"), F("financing.projectManagementCost")),
        Panel("keyFigures"),
        When<Proposal>(p => p.Target.Route == Route.Sap, Panel("sapLimits")),
    ])
    { Validator = new FinancingValidator() };

    public static readonly Step Economics = new("economics", StepGroup.Financing,
    [
        // Follow-up questions appear once the answer that asks for them is given (saved, or at
        // once with JavaScript).
        F("economics.generatesRevenue") with { Refresh = true },
        When<Proposal>(p => p.Economics.GeneratesRevenue == true, F("economics.annualRevenue")),
        F("economics.annualOperatingCost"),
        F("economics.discountRatePercent"),
        Group("returns",
            F("economics.eirrWithGcfPercent"), F("economics.eirrWithoutGcfPercent"),
            F("economics.firrWithGcfPercent"), F("economics.firrWithoutGcfPercent")),
        F("economics.sensitivityAnalysis"),
        F("economics.concessionalityJustification"),
        F("economics.currencyRiskNote"),
    ]);

    /// Loans and reimbursable grants have a tenor, a grace period and a price; grants and in-kind do not.
    private static bool IsRepaid(FinancialInstrument instrument) =>
        instrument is FinancialInstrument.SeniorLoan or FinancialInstrument.SubordinatedLoan or FinancialInstrument.ReimbursableGrant
            or FinancialInstrument.Guarantee or FinancialInstrument.Equity;

    public sealed class FinancingValidator : AbstractValidator<Proposal>
    {
        public FinancingValidator()
        {
            Include(new UniqueIds<CoFinancier>(p => p.Financing.CoFinancing, c => c.Id, "financing.coFinancing"));
            RuleForEach(p => p.Financing.ExchangeRates).ChildRules(r =>
            {
                r.RuleFor(x => x.Rate).GreaterThan(0).WithMessage(_ => ProposalText.Text("Check.RatePositive"));
                r.RuleFor(x => x.To).NotEqual(x => x.From).WithMessage(_ => ProposalText.Text("Check.SameCurrency"));
            });
        }
    }
}
