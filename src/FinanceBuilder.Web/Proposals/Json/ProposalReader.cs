using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Proposals.Json;

/// Turns untrusted bytes into a Proposal, or into a list of errors that each name a JSON path.
/// Used by the API, the command line and the demo loader alike. Order: bounded prescan →
/// schema version and upgrade → strict deserialisation → field limits.
public sealed partial class ProposalReader(ProposalUpgrader upgrader)
{
    public ProposalReader() : this(new ProposalUpgrader())
    {
    }

    public ProposalReadResult Read(ReadOnlySpan<byte> json, CultureInfo culture)
    {
        // Files saved by Windows tools often start with a byte-order mark; it is not content.
        if (json.StartsWith("\uFEFF"u8))
            json = json[3..];
        try
        {
            return ReadChecked(json, culture);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Last resort: whatever slipped past the checks is still bad input, never a 500.
            return Fail("$", Messages.Format(culture, "InvalidJson", "$", ex.GetType().Name));
        }
    }

    private ProposalReadResult ReadChecked(ReadOnlySpan<byte> json, CultureInfo culture)
    {
        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty)
            return Fail("$", Messages.Format(culture, "EmptyBody"));

        if (JsonPrescan.Check(json, culture) is { } scanError)
            return ProposalReadResult.Failed([scanError]);

        var version = ReadSchemaVersion(json, out var versionError);
        if (versionError is not null)
            return Fail("$.schemaVersion", versionError switch
            {
                "missing" => Messages.Format(culture, "MissingSchemaVersion", upgrader.CurrentVersion),
                _ => Messages.Format(culture, "WrongType", "$.schemaVersion", Expected(typeof(int), culture)),
            });
        if (version is null)
            return Fail("$", Messages.Format(culture, "NotAnObject"));
        if (!upgrader.CanRead(version.Value))
            return Fail("$.schemaVersion", Messages.Format(culture, "UnsupportedSchemaVersion", version, upgrader.CurrentVersion));

        // Current files go straight from bytes to the model; only older ones pay for a JSON tree.
        JsonObject? upgraded = null;
        if (version.Value < upgrader.CurrentVersion)
        {
            upgraded = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = ProposalJson.MaxDepth + 1 })!.AsObject();
            upgrader.Upgrade(upgraded, version.Value);
        }

        Proposal? proposal;
        PipelineMetrics.Parsed("proposal-reader");
        try
        {
            proposal = upgraded is null
                ? JsonSerializer.Deserialize<Proposal>(json, ProposalJson.Options)
                : upgraded.Deserialize<Proposal>(ProposalJson.Options);
        }
        catch (JsonException ex)
        {
            var root = upgraded ?? JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = ProposalJson.MaxDepth + 1 })!;
            return ProposalReadResult.Failed([Explain(ex, root, culture)]);
        }
        if (proposal is null)
            return Fail("$", Messages.Format(culture, "NotAnObject"));

        var errors = ProposalInputCheck.Check(proposal, culture);
        return errors.Count > 0 ? ProposalReadResult.Failed(errors) : ProposalReadResult.Ok(proposal);
    }

    /// The top-level schemaVersion, read without materialising anything else. Null with no error
    /// when the document is not an object.
    private static int? ReadSchemaVersion(ReadOnlySpan<byte> json, out string? error)
    {
        error = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ProposalJson.MaxDepth + 1 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("schemaVersion"u8);
            reader.Read();
            if (!isVersion)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version))
                return version;
            error = reader.TokenType == JsonTokenType.Null ? "missing" : "type";
            return null;
        }
        error = "missing";
        return null;
    }

    private static ProposalReadResult Fail(string path, string message) => ProposalReadResult.Failed([new(path, message)]);

    /// System.Text.Json reports where it stopped and why in English; this rewrites the three
    /// kinds of failure users meet into a sentence in their language that names the path.
    private static ProposalInputError Explain(JsonException ex, JsonNode root, CultureInfo culture)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var message = ex.Message;

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var name = missing.Groups[1].Value.Split(',')[0].Trim().Trim('\'');
            var fieldPath = $"{path}.{name}";
            return new(fieldPath, Messages.Format(culture, "MissingField", fieldPath));
        }
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var fieldPath = path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return new(fieldPath, Messages.Format(culture, "UnknownField", path, name));
        }
        if (DuplicateProperty().IsMatch(message))
            return new(path, Messages.Format(culture, "DuplicateField", path));
        if (NullNotAllowed().IsMatch(message))
            return new(path, Messages.Format(culture, "NullNotAllowed", path));
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            var type = FindModelType(convert.Groups[1].Value);
            if (type is { IsEnum: true })
            {
                var given = Resolve(root, path);
                if (given is null)
                    return new(path, Messages.Format(culture, "NullNotAllowed", path));
                return new(path, Messages.Format(culture, "UnknownValue", path, ValueText(given), string.Join(", ", StrictEnumConverterFactory.Names(type))));
            }
            return new(path, Messages.Format(culture, "WrongType", path, Expected(type, culture)));
        }
        return new(path, Messages.Format(culture, "WrongType", path, Expected(null, culture)));
    }

    private static string ValueText(JsonNode node) =>
        node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();

    private static Type? FindModelType(string fullName)
    {
        var name = fullName.TrimEnd('.');
        if (name.StartsWith("System.Nullable`1[", StringComparison.Ordinal))
            name = name["System.Nullable`1[".Length..].Split(',')[0].TrimEnd(']');
        return typeof(Proposal).Assembly.GetType(name) ?? Type.GetType(name);
    }

    private static string Expected(Type? type, CultureInfo culture)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var key = type switch
        {
            null => "ExpectSchema",
            _ when type == typeof(string) => "ExpectText",
            _ when type == typeof(bool) => "ExpectBoolean",
            _ when type == typeof(DateOnly) => "ExpectDate",
            _ when type == typeof(int) || type == typeof(long) => "ExpectWholeNumber",
            _ when type == typeof(decimal) => "ExpectNumber",
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => "ExpectList",
            _ => "ExpectObject",
        };
        return Messages.Format(culture, key);
    }

    /// Finds the node at a path written by System.Text.Json ("$.a.b[2].c" or "$['a b']").
    private static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? current = root;
        foreach (Match part in PathPart().Matches(path))
        {
            if (current is null)
                return null;
            if (part.Groups["name"].Success)
                current = current is JsonObject o && o.TryGetPropertyValue(part.Groups["name"].Value, out var child) ? child : null;
            else if (part.Groups["quoted"].Success)
                current = current is JsonObject o && o.TryGetPropertyValue(part.Groups["quoted"].Value, out var child) ? child : null;
            else if (part.Groups["index"].Success)
            {
                var index = int.Parse(part.Groups["index"].Value, CultureInfo.InvariantCulture);
                current = current is JsonArray a && index < a.Count ? a[index] : null;
            }
        }
        return current;
    }

    [GeneratedRegex(@"The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"missing required properties,? including: (.+?)\.( Path|$)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"[Dd]uplicate")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"doesn't allow (setting|getting) null values|cannot be null|null values")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"could not be converted to ([\w.`\[\], =]+?)\. Path")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][\w]*)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();
}

public sealed class ProposalReadResult
{
    private ProposalReadResult(Proposal? proposal, IReadOnlyList<ProposalInputError> errors)
    {
        Proposal = proposal;
        Errors = errors;
    }

    public Proposal? Proposal { get; }
    public IReadOnlyList<ProposalInputError> Errors { get; }
    public bool Succeeded => Proposal is not null;

    public static ProposalReadResult Ok(Proposal proposal) => new(proposal, []);

    public static ProposalReadResult Failed(IReadOnlyList<ProposalInputError> errors) => new(null, errors);
}
