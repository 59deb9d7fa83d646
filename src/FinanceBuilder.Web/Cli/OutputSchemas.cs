using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using FinanceBuilder.Web.Cli.Batch;
using FinanceBuilder.Web.Features.Validation;

namespace FinanceBuilder.Web.Cli;

/// The JSON Schemas of what the command line writes, generated from the very records it
/// serialises (System.Text.Json's schema exporter), so the documented shape cannot drift from
/// the output: docs/validation-report.schema.json and docs/cli-batch.schema.json, kept in step
/// by a test (`financebuilder schema --kind … docs/…` rewrites them).
public static class OutputSchemas
{
    public const string Proposal = "proposal";
    public const string ValidationReport = "validation-report";
    public const string Batch = "cli-batch";

    public static readonly string[] Kinds = [Proposal, ValidationReport, Batch];

    public static string Json(string kind) => kind switch
    {
        Proposal => Proposals.Json.ProposalSchema.Json,
        ValidationReport => Write(Report()),
        Batch => Write(BatchSchema()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static JsonObject Report()
    {
        var schema = Export(typeof(ValidationReportView));
        return Root(ValidationReport, "FinanceBuilder validation report",
            "The GCF-style check of one proposal, as `financebuilder validate --format json` and GET /api/proposals/{id}/validation write it. Messages are in the language asked for; ruleId, severity, paths and figures are the same in every language.",
            schema);
    }

    /// A jsonl line (a file's line or the summary), a package's --format json, or a batch's --format json.
    private static JsonObject BatchSchema()
    {
        var line = Relocate(Export(typeof(BatchLine)), "#/$defs/line");
        var summary = Relocate(Export(typeof(BatchSummary)), "#/$defs/summary");
        // The kind tells a line from the summary in a stream of jsonl.
        line["properties"]!["kind"]!["const"] = BatchLine.FileKind;
        summary["properties"]!["kind"]!["const"] = BatchSummary.SummaryKind;
        var defs = new JsonObject
        {
            ["line"] = line,
            ["summary"] = summary,
            ["document"] = Relocate(Export(typeof(BatchDocument)), "#/$defs/document"),
        };
        var schema = new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["$ref"] = "#/$defs/line" },
                new JsonObject { ["$ref"] = "#/$defs/summary" },
                new JsonObject { ["$ref"] = "#/$defs/document" }),
            ["$defs"] = defs,
        };
        return Root(Batch, "FinanceBuilder command-line batch output",
            "What validate and package write with several proposals: with --format jsonl, one `line` per proposal then one `summary`; with --format json, one `document`. package --format json for one proposal writes its `line`.",
            schema);
    }

    private static JsonObject Export(Type type)
    {
        // Numbers are written as numbers (the web defaults only allow reading them from strings).
        var options = new JsonSerializerOptions(ValidationReportView.JsonOptions)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        };
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var provider = context.PropertyInfo?.AttributeProvider ?? (context.Path.Length == 0 ? context.TypeInfo.Type : null);
                if (node is JsonObject described && provider?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).FirstOrDefault() is DescriptionAttribute text)
                    described.Insert(0, "description", text.Description);
                // What is never null is always written; a null value is left out, so a field that
                // may be null may be missing (the exporter would require every constructor parameter).
                if (node is JsonObject shape && context.TypeInfo.Kind == JsonTypeInfoKind.Object && shape["properties"] is JsonObject properties)
                {
                    var always = properties.Where(p => !MayBeNull(p.Value)).Select(p => (JsonNode?)p.Key).ToArray();
                    shape.Remove("required");
                    if (always.Length > 0)
                        shape["required"] = new JsonArray(always);
                }
                return node;
            },
        };
        return (JsonObject)options.GetJsonSchemaAsNode(type, exporter);
    }

    private static bool MayBeNull(JsonNode? property) =>
        (property?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        || (property?["enum"] is JsonArray values && values.Any(v => v is null));

    /// Rewrites the exporter's pointers (relative to its own root) for a schema placed at <paramref name="at"/>.
    private static JsonObject Relocate(JsonObject schema, string at)
    {
        foreach (var reference in Walk(schema).OfType<JsonObject>().Where(o => o["$ref"] is JsonValue))
        {
            var pointer = reference["$ref"]!.GetValue<string>();
            if (pointer.StartsWith('#'))
                reference["$ref"] = at + pointer[1..];
        }
        return schema;
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Walk(child))
                yield return descendant;
        }
    }

    private static JsonObject Root(string kind, string title, string description, JsonObject schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://financebuilder.org/schema/{kind}.schema.json",
            ["title"] = title,
            ["description"] = description,
        };
        foreach (var (name, value) in schema.ToList())
        {
            if (name is "description" && kind != Batch)
                continue;
            schema.Remove(name);
            root[name] = value;
        }
        return root;
    }

    private static string Write(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
}
