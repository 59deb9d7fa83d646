using System.Globalization;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Proposals.Json;

/// One problem with submitted proposal JSON: where it is (a JSON path such as
/// "$.budget.lines[3].amount.currency") and what to do about it, in the user's language. The API
/// and the command line show the message as it is; the import page, read by officers rather than
/// developers, words it again from the message key and its arguments (Key, Args).
public sealed record ProposalInputError(string Path, string Message)
{
    /// The Messages resource key the message was made from; null for a message made elsewhere.
    public string? Key { get; init; }

    /// The arguments of that message, in the order its placeholders use them.
    public IReadOnlyList<object?> Args { get; init; } = [];

    public static ProposalInputError Of(CultureInfo culture, string path, string key, params object?[] args) =>
        new(path, Messages.Format(culture, key, args)) { Key = key, Args = args };
}

/// Thrown when a proposal body is too large to read; answered as 413.
public sealed class ProposalTooLargeException(long limit) : Exception($"Proposal body exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}
