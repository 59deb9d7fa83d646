using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Proposals.Json;

/// The published JSON Schema of the proposal file, generated from the model and the same
/// serializer options the reader uses (System.Text.Json's JsonSchemaExporter), then enriched
/// with the limits the model's attributes declare. Served at /api/schema/proposal and written
/// to docs/proposal.schema.json (`schema` command).
public static class ProposalSchema
{
    public const string Id = "https://financebuilder.org/schema/proposal.schema.json";

    private static readonly Lazy<string> Text = new(() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");

    public static string Json => Text.Value;

    public static JsonNode Build()
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Enrich,
        };
        var schema = ProposalJson.Options.GetJsonSchemaAsNode(typeof(Proposal), exporter).AsObject();
        var ordered = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "FinanceBuilder proposal",
            ["description"] = "A climate-finance proposal in FinanceBuilder's canonical, template-neutral form. "
                + "Money is an object {amount, currency}; null or a missing field means 'not answered yet'.",
        };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            ordered[key] = value;
        }
        if (ordered["properties"]?["schemaVersion"] is JsonObject version)
        {
            version["minimum"] = 1;
            version["maximum"] = ProposalSchemaVersion.Current;
        }
        if (ordered["required"] is null)
            ordered["required"] = new JsonArray("schemaVersion");
        return ordered;
    }

    private static JsonObject EnumSchema(Type enumType, bool nullable)
    {
        var names = new JsonArray([.. StrictEnumConverterFactory.Names(enumType).Select(n => (JsonNode?)JsonValue.Create(n))]);
        if (nullable)
            names.Add(null);
        return new JsonObject { ["enum"] = names };
    }

    private static JsonNode Enrich(JsonSchemaExporterContext context, JsonNode schema)
    {
        // Enums use our strict converter, which the exporter cannot see into: publish the names.
        if ((Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type) is { IsEnum: true } enumType)
        {
            return EnumSchema(enumType, nullable: Nullable.GetUnderlyingType(context.TypeInfo.Type) is not null
                || (context.PropertyInfo is { } member && NullMeansNotAnswered.Applies(member)));
        }
        if (schema is not JsonObject node || context.PropertyInfo?.AttributeProvider is not PropertyInfo property)
            return schema;

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (property.IsDefined(typeof(ServerManagedAttribute)))
        {
            node["readOnly"] = true;
            node["description"] = "Written by the server: the files stored for this proposal, as it recognised them. What a file says here is replaced on import.";
        }
        if (type == typeof(string))
        {
            node["maxLength"] = ProposalInputCheck.MaxLengthOf(property);
            if (property.IsDefined(typeof(CurrencyCodeAttribute)))
                node["pattern"] = "^[A-Z]{3}$";
            else if (property.IsDefined(typeof(CountryCodeAttribute)))
                node["pattern"] = "^[A-Z]{2}$";
        }
        else if (type == typeof(decimal) || type == typeof(int) || type == typeof(long))
        {
            var (min, max) = ProposalInputCheck.RangeOf(property);
            node["minimum"] = min;
            node["maximum"] = max;
        }
        else if (property.GetCustomAttribute<MaxItemsAttribute>() is { } maxItems)
        {
            node["maxItems"] = maxItems.Max;
            if (type.IsGenericType && type.GetGenericArguments()[0] is { IsEnum: true } itemEnum)
                node["items"] = EnumSchema(itemEnum, nullable: false);
            else if (type == typeof(List<string>))
                node["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = IdentifierAttribute.MaxLength };
        }
        return node;
    }
}
