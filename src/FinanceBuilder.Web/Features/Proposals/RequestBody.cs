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
        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
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

    private static IResult TooLarge(long limit, CultureInfo culture) =>
        Problems.Invalid([new("$", Messages.Format(culture, "BodyTooLarge", limit.ToString("N0", culture)))], culture, StatusCodes.Status413PayloadTooLarge);
}
