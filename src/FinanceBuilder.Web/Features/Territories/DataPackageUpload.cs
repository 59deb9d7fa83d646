using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace FinanceBuilder.Web.Features.Territories;

/// An upload of values is a CSV, or a Frictionless Data Package as a zip: its datapackage.json
/// names the resource "values" (or holds one resource) whose path is the CSV in the zip. Either
/// way the CSV's text comes out, or the reason it cannot (a TerritoryText key).
public static class DataPackageUpload
{
    public sealed record Read(string? Text, string? Problem);

    public static async Task<Read> ReadAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var head = new byte[4];
        var isZip = buffer.Read(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        buffer.Position = 0;
        if (!isZip)
            return Utf8(buffer);
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
            var descriptor = zip.GetEntry("datapackage.json");
            if (descriptor is null || descriptor.Length > 256 * 1024)
                return new Read(null, "Upload.NoDescriptor");
            string? path;
            using (var stream = descriptor.Open())
            using (var json = await JsonDocument.ParseAsync(stream, cancellationToken: ct))
                path = ValuesPath(json.RootElement);
            if (path is null || path.StartsWith('/') || path.Contains("..", StringComparison.Ordinal) || zip.GetEntry(path) is not { } entry)
                return new Read(null, "Upload.NoValues");
            if (entry.Length > TerritoryValuesCsv.MaxBytes)
                return new Read(null, "Upload.TooLarge");
            using var csv = new MemoryStream();
            await using (var stream = entry.Open())
                await stream.CopyToAsync(csv, ct);
            csv.Position = 0;
            return Utf8(csv);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            return new Read(null, "Upload.BadZip");
        }
    }

    /// The path of the resource named "values", or of the only resource, when it is one CSV file.
    private static string? ValuesPath(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
            return null;
        var list = resources.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToList();
        var chosen = list.FirstOrDefault(r => r.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == "values");
        if (chosen.ValueKind == JsonValueKind.Undefined && list.Count == 1)
            chosen = list[0];
        return chosen.ValueKind == JsonValueKind.Object && chosen.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String
            && p.GetString() is { } path && path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? path : null;
    }

    private static Read Utf8(MemoryStream bytes)
    {
        try
        {
            return new Read(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.GetBuffer(), 0, (int)bytes.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return new Read(null, "Upload.NotUtf8");
        }
    }
}
