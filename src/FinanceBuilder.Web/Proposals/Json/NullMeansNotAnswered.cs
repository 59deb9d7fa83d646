using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace FinanceBuilder.Web.Proposals.Json;

/// The file format says "null or a missing field means 'not answered yet'". For a choice the model
/// keeps without a null — a document's status starts as "not started", the GWP set as AR5 — a
/// null is read as that starting value, exactly as if the field were missing, instead of being
/// refused. A required field (an instrument, a currency) still refuses null: it has no "not
/// answered" state.
public static class NullMeansNotAnswered
{
    /// Whether a property reads null as its starting value (the schema then publishes null too).
    public static bool Applies(JsonPropertyInfo property) => property.CustomConverter is INullAsDefault;

    public static void Apply(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetConstructor(Type.EmptyTypes) is null)
            return;
        object? fresh = null;
        foreach (var property in info.Properties)
        {
            if (property.IsRequired || !property.PropertyType.IsEnum || property.Get is null)
                continue;
            fresh ??= Activator.CreateInstance(info.Type);
            var start = property.Get(fresh!);
            property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(NullAsDefault<>).MakeGenericType(property.PropertyType), start)!;
        }
    }

    private interface INullAsDefault;

    private sealed class NullAsDefault<T>(T start) : JsonConverter<T>, INullAsDefault where T : struct, Enum
    {
        private static readonly StrictEnumConverter<T> Inner = new();

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? start : Inner.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => Inner.Write(writer, value, options);
    }
}
