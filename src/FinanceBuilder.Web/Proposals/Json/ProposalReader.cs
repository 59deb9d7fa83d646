using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Diagnostics;
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
            return Fail(culture, "$", "InvalidJson", "$", ex.GetType().Name);
        }
    }

    private ProposalReadResult ReadChecked(ReadOnlySpan<byte> json, CultureInfo culture)
    {
        if (json.IsEmpty || json.Trim(" \t\r\n"u8).IsEmpty)
            return Fail(culture, "$", "EmptyBody");

        if (JsonPrescan.Check(json, culture) is { } scanError)
            return ProposalReadResult.Failed([scanError]);

        var version = ReadSchemaVersion(json, out var versionError);
        if (versionError is not null)
            return versionError == "missing"
                ? Fail(culture, "$.schemaVersion", "MissingSchemaVersion", upgrader.CurrentVersion)
                : Fail(culture, "$.schemaVersion", "WrongType", "$.schemaVersion", Expected(typeof(int), culture));
        if (version is null)
            return Fail(culture, "$", "NotAnObject");
        if (!upgrader.CanRead(version.Value))
            return Fail(culture, "$.schemaVersion", "UnsupportedSchemaVersion", version, upgrader.CurrentVersion);

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
            return Fail(culture, "$", "NotAnObject");

        var errors = ProposalInputCheck.Check(proposal, culture);
        if (errors.Count > 0)
            return ProposalReadResult.Failed(errors);
        // Kind and access modality are one answer given twice: a file may give either (the
        // other follows), not two that contradict each other.
        var ae = proposal.Applicant.AccreditedEntity;
        if (!ae.Settle())
            return Fail(culture, "$.applicant.accreditedEntity.accessModality", "AccessModalityDisagrees", "$.applicant.accreditedEntity.accessModality",
                JsonNamingPolicy.CamelCase.ConvertName(ae.AccessModality!.Value.ToString()), JsonNamingPolicy.CamelCase.ConvertName(ae.Kind!.Value.ToString()));
        return ProposalReadResult.Ok(proposal);
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

    private static ProposalReadResult Fail(CultureInfo culture, string path, string key, params object?[] args) =>
        ProposalReadResult.Failed([ProposalInputError.Of(culture, path, key, args)]);

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
            return ProposalInputError.Of(culture, fieldPath, "MissingField", fieldPath);
        }
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var fieldPath = path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return ProposalInputError.Of(culture, fieldPath, "UnknownField", path, name);
        }
        if (DuplicateProperty().IsMatch(message))
            return ProposalInputError.Of(culture, path, "DuplicateField", path);
        if (NullNotAllowed().IsMatch(message))
            return ProposalInputError.Of(culture, path, "NullNotAllowed", path);
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            var type = FindModelType(convert.Groups[1].Value);
            if (type is { IsEnum: true })
            {
                var given = Resolve(root, path);
                if (given is null)
                    return ProposalInputError.Of(culture, path, "NullNotAllowed", path);
                return ProposalInputError.Of(culture, path, "UnknownValue", path, ValueText(given), string.Join(", ", StrictEnumConverterFactory.Names(type)));
            }
            return ProposalInputError.Of(culture, path, "WrongType", path, Expected(type, culture));
        }
        return ProposalInputError.Of(culture, path, "WrongType", path, Expected(null, culture));
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
