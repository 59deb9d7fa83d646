using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceBuilder.Web.Proposals.Json;

/// Enums as their exact published names ("crossCutting", "M1"), nothing else. The framework's
/// JsonStringEnumConverter goes through Enum.TryParse: it ignores case and accepts comma lists
/// ("mitigation, adaptation"), so a file the schema rejects would be read, or turned into an
/// undefined value that fails later.
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    /// The published name of each member: JsonStringEnumMemberName if given, else camelCase.
    public static string NameOf(FieldInfo member) =>
        member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(member.Name);

    public static IEnumerable<string> Names(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(NameOf);
}

public sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToFrozenDictionary(StrictEnumConverterFactory.NameOf, f => (T)f.GetValue(null)!, StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ByValue = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A JsonException without a message makes the serializer report
        // "could not be converted to <type>" with the path, which ProposalReader explains.
        if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { } name || !ByName.TryGetValue(name, out var value))
            throw new JsonException();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (!ByValue.TryGetValue(value, out var name))
            throw new JsonException($"{value} is not a defined {typeof(T).Name}.");
        writer.WriteStringValue(name);
    }
}
