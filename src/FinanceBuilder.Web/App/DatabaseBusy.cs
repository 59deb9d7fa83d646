using System.Globalization;
using System.Text.Encodings.Web;
using FinanceBuilder.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FinanceBuilder.Web.App;

/// A database that is locked or overloaded — another process holding SQLite's write lock, a row
/// locked in PostgreSQL past lock_timeout, the connection pool exhausted, PostgreSQL starting or
/// refusing connections — answers 503 with Retry-After once the lock wait has passed, in the
/// reader's language, instead of a 500 (issue 19). Nothing was written: the save was one
/// transaction, and what was saved before is untouched. The API and autosave get a problem
/// document; a page gets a short page that says to send again.
public sealed class DatabaseBusy(ILogger<DatabaseBusy> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsBusy(exception) || httpContext.Response.HasStarted)
            return false;
        logger.LogWarning("Database busy, answered 503: {Reason}", Innermost(exception).Message);
        // The handler runs outside the localization middleware: the request's language is read
        // from what that middleware recorded on the request.
        var culture = httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var title = Messages.Format(culture, "DatabaseBusy", RetryAfterSeconds);
        httpContext.Response.Clear();
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        if (WantsJson(httpContext.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title).ExecuteAsync(httpContext);
            return true;
        }
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Default;
        await httpContext.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{html.Encode(culture.TwoLetterISOLanguageName)}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{html.Encode(Messages.Format(culture, "DatabaseBusyTitle"))}</title></head><body><main><h1>{html.Encode(Messages.Format(culture, "DatabaseBusyTitle"))}</h1>"
            + $"<p>{html.Encode(title)}</p></main></body></html>", cancellationToken);
        return true;
    }

    /// SQLite BUSY (5) or LOCKED (6); PostgreSQL lock_not_available, too many connections,
    /// cannot connect now, or a pool with no free connection in time.
    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case PostgresException { SqlState: "55P03" or "53300" or "57P03" }:
                case NpgsqlException { InnerException: TimeoutException }:
                    return true;
                case NpgsqlException npgsql when npgsql.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }
        return false;
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || Features.Accounts.AccountSetup.WantsJson(request);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
