namespace FinanceBuilder.Web.Proposals.Json;

/// One problem with submitted proposal JSON: where it is (a JSON path such as
/// "$.budget.lines[3].amount.currency") and what to do about it, in the user's language.
public sealed record ProposalInputError(string Path, string Message);

/// Thrown when a proposal body is too large to read; answered as 413.
public sealed class ProposalTooLargeException(long limit) : Exception($"Proposal body exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}
