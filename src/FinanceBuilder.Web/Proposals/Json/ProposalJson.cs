using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Proposals.Json;

/// The one set of serializer options for the proposal interchange format. Strict on purpose:
/// unknown fields, unknown enum values, numbers as strings and nulls where the model has no
/// null are errors with a JSON path, never silently dropped data.
public static class ProposalJson
{
    public const int MaxDepth = 32;

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // A field given twice: which value would the user mean? Refuse it.
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
            WriteIndented = true,
            IndentSize = 2,
            // Files are read by people: accents, apostrophes and "&" are written as they are. The
            // JSON is only ever served as application/json with nosniff, never inlined in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new StrictEnumConverterFactory());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NullMeansNotAnswered.Apply } };
        options.MakeReadOnly();
        return options;
    }

    public static string Serialize(Proposal proposal) => JsonSerializer.Serialize(proposal, Options);

    /// The one door for a document this app stored itself (already checked and upgraded when it
    /// came in); bytes from outside go through ProposalReader's strict checks instead.
    public static Proposal FromStored(string document)
    {
        Diagnostics.PipelineMetrics.Parsed("stored");
        return JsonSerializer.Deserialize<Proposal>(document, Options)!;
    }

    public static byte[] SerializeToUtf8(Proposal proposal) => JsonSerializer.SerializeToUtf8Bytes(proposal, Options);
}
