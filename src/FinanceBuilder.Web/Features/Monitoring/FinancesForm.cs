using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Monitoring;

/// A round's finances and plans as the form posts them: every figure as typed text. A row of a
/// line already saved carries the id of the entry the person saw (BasedOn); a blank new row adds
/// nothing. One reason covers the corrections of one save.
public sealed class FinancesForm
{
    public List<DisbursementRow> Disbursements { get; set; } = [];
    public List<SpendingRow> Spending { get; set; } = [];
    public List<CoFinancingRow> CoFinancing { get; set; } = [];
    public List<ActionRow> Actions { get; set; } = [];
    public List<RiskRow> Risks { get; set; } = [];
    public string? Reason { get; set; }

    public abstract class Line
    {
        public string? Key { get; set; }
        public long? BasedOn { get; set; }
    }

    public sealed class DisbursementRow : Line
    {
        public string? ReceivedOn { get; set; }
        public FinancialInstrument? Instrument { get; set; }
        public string? Usd { get; set; }
        public string? Reference { get; set; }
        public bool Withdraw { get; set; }
    }

    public sealed class SpendingRow : Line
    {
        public string? GcfUsd { get; set; }
        public string? CoFinancingUsd { get; set; }
    }

    public sealed class CoFinancingRow : Line
    {
        public string? Usd { get; set; }
    }

    public sealed class ActionRow : Line
    {
        public ActionPlanKind Plan { get; set; }
        public ActionStatus? Status { get; set; }
        public string? Note { get; set; }
        /// The text of an environmental or social measure the team adds.
        public string? Label { get; set; }
    }

    public sealed class RiskRow : Line
    {
        public Rating? Probability { get; set; }
        public Rating? Impact { get; set; }
        public string? Note { get; set; }
    }
}
