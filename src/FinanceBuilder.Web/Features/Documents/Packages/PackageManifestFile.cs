using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// manifest.json of a package: which pack and version made it, from which schema version, when,
/// whether it is a draft, the document's pages and words against the funder's limits, and a
/// SHA-256 of every other file, so a reviewer can check nothing was changed after generation.
public sealed record PackageManifestFile(
    PackageManifestFile.TemplateInfo Template,
    string Language,
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    bool Draft,
    PackageManifestFile.DocumentFigures Document,
    IReadOnlyList<PackageManifestFile.FileEntry> Files)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Generator { get; init; } = "FinanceBuilder";

    public sealed record TemplateInfo(string Id, string Name, string Version, string Funder);

    public sealed record DocumentFigures(int Pages, int Words, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PageLimit, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? WordLimit);

    /// A file of the package; an attached file also says its annex row and the kind its content is.
    public sealed record FileEntry(string Name, long Bytes, string Sha256)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Annex { get; init; }
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Kind { get; init; }

        /// What the upload's check found a reviewer should know before opening it (a PDF with
        /// JavaScript, embedded files, a launch action, encryption); absent when nothing.
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Cautions { get; init; }
    }
}
