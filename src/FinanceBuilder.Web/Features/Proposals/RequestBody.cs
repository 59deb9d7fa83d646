using System.Globalization;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Features.Proposals;

/// Reads a JSON request body up to a limit, counting the bytes actually received (a lying or
/// missing Content-Length cannot get past it), and answers 413/415 as problem details.
public static class RequestBody
{
    public sealed record Body(byte[]? Bytes, IResult? Problem);

    public static async Task<Body> ReadJsonAsync(HttpRequest request, long limit, CultureInfo culture, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
            return new(null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, Messages.Format(culture, "UnsupportedMediaType")));
        if (request.ContentLength > limit)
            return new(null, TooLarge(limit, culture));

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return new(null, TooLarge(limit, culture));
            buffer.Write(chunk, 0, read);
        }
        return new(buffer.ToArray(), null);
    }

    /// Only `application/json`, in UTF-8 when a charset is named: "text/json", "application/x-json"
    /// or "text/plain; json" are refused, so a body a browser form could send (text/plain) never
    /// reaches the JSON reader, and a charset the reader would not honour is not silently misread.
    public static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Value is null || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        && type.Parameters.All(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase));

    private static IResult TooLarge(long limit, CultureInfo culture) =>
        Problems.Invalid([new("$", Messages.Format(culture, "BodyTooLarge", limit.ToString("N0", culture)))], culture, StatusCodes.Status413PayloadTooLarge);
}
