using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;

namespace FinanceBuilder.Web.Features.Proposals;

/// RFC 9457 problem details in the user's language. Validation problems list each error with
/// its JSON path under "errors".
public static class Problems
{
    public static IResult Invalid(IReadOnlyList<ProposalInputError> errors, CultureInfo culture, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            statusCode: status,
            title: Messages.Count(culture, "ValidationTitle", errors.Count),
            detail: errors.Count > 0 ? errors[0].Message : null,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToArray(),
            });

    public static IResult NotFound(CultureInfo culture) => Status(StatusCodes.Status404NotFound, Messages.Format(culture, "NotFound"));

    public static IResult Conflict(int? currentVersion, CultureInfo culture) =>
        Results.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: Messages.Format(culture, "VersionConflict", currentVersion?.ToString(culture) ?? "?"),
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    public static IResult Status(int status, string title) => Results.Problem(statusCode: status, title: title);
}
