using System.Text.Json.Serialization;

namespace FinanceBuilder.Templates.Packs;

/// <summary>
/// The manifest of a template pack (<c>templates/&lt;pack-id&gt;/manifest.json</c>, design D3):
/// which funder and template version it follows, in which languages, in which section order,
/// and how its files are named. The funder's length limits are the rules' (R-016…R-018), not the pack's.
/// </summary>
public sealed record PackManifest
{
    /// <summary>The pack's id, the same as its folder's name ("gcf-concept-note").</summary>
    public required string Id { get; init; }

    /// <summary>The pack's name per language, as users choose it ("GCF concept note"); the id when missing.</summary>
    public IReadOnlyDictionary<string, string> Name { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The type of application the pack writes, as the app's rules name it ("fundingProposal",
    /// "conceptNote", "sap"): a package is checked against that type's rules, and the wizard offers
    /// the pack first for proposals of that type. Null for a pack the rules do not cover.
    /// </summary>
    public string? Route { get; init; }

    /// <summary>
    /// What the pack writes: a proposal (null, the default: the wizard's packs) or
    /// "annualReport", the annual performance report of an approved project, drawn from its
    /// reporting round rather than from a proposal.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>The subject of the annual performance report packs.</summary>
    public const string AnnualReport = "annualReport";

    /// <summary>The funder whose template the pack follows.</summary>
    public required string Funder { get; init; }

    /// <summary>The funder's template version ("GCF-FP-V3.0").</summary>
    public required string TemplateVersion { get; init; }

    /// <summary>Languages the pack is written in ("en", "fr"); one folder of templates each.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>
    /// How generated files are named, e.g. "CN-{entity}-{date}": {entity} is the accredited
    /// entity or the country, {date} the generation date as yyyyMMdd.
    /// </summary>
    public required string FileName { get; init; }

    /// <summary>The pack's name in <paramref name="language"/>, else in English, else its id.</summary>
    public string NameIn(string language) =>
        Name.TryGetValue(language, out var name) || Name.TryGetValue("en", out name) ? name : Id;

    /// <summary>The sections in the funder's order; each is one template per language.</summary>
    public required IReadOnlyList<PackSection> Sections { get; init; }
}

/// <summary>One section of the document and its template file.</summary>
public sealed record PackSection
{
    /// <summary>A short id ("a-summary").</summary>
    public required string Id { get; init; }

    /// <summary>The template's file name inside each language folder ("a-summary.scriban").</summary>
    public required string File { get; init; }

    /// <summary>Whether the section starts on a new page.</summary>
    [JsonPropertyName("newPage")]
    public bool NewPage { get; init; }
}
