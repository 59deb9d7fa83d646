using FinanceBuilder.Web.Data.Monitoring;

namespace FinanceBuilder.Web.Features.Monitoring;

/// Where a reporting round stands on a given day.
public enum RoundState
{
    /// Its year has not begun.
    Upcoming,
    /// Its year is under way: values can already be entered.
    Open,
    /// Its year has ended and the report is due.
    Due,
    /// Past its due date and not sent.
    Late,
    /// The report was sent to the funder.
    Sent,
}

public static class RoundStates
{
    public static RoundState Of(ReportingRound round, DateOnly today) =>
        round.SentAt is not null ? RoundState.Sent
        : today > round.DueOn ? RoundState.Late
        : today.Year > round.Year ? RoundState.Due
        : today.Year == round.Year ? RoundState.Open
        : RoundState.Upcoming;
}
