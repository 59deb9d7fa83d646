using System.Text.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// Parameters of the catalogue for one template version (thresholds, tolerances, caps, word
/// limits): several figures of the reference are tagged [R] and must change without code.
/// Read from Rules/Settings/&lt;version&gt;.json; a parameter absent there uses the rule's default.
public sealed class RuleSettings
{
    public string TemplateVersion { get; init; } = "GCF-FP-V3.0";
    public decimal MoneyTolerancePercent { get; init; } = 0.5m;
    public decimal MoneyToleranceUnits { get; init; } = 1m;
    public Dictionary<string, RuleSetting> Rules { get; init; } = [];

    /// Countries whose projects the fund does not finance (for the GCF: Annex I Parties).
    public HashSet<string> NotEligibleCountries { get; init; } = [];

    // Declared before Default: static fields initialise in order.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Rules", "Settings");

    public static RuleSettings Default { get; } = Load(Path.Combine(Folder, "gcf-fp-v3.json"));

    /// Every settings file of the folder, by the template version it declares.
    public static IReadOnlyDictionary<string, RuleSettings> AllVersions { get; } = Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*.json").Select(Load).ToDictionary(s => s.TemplateVersion, StringComparer.OrdinalIgnoreCase)
        : new Dictionary<string, RuleSettings>();

    /// The parameters of a proposal's template version; the current FP template when unknown.
    public static RuleSettings For(string? templateVersion) =>
        templateVersion is not null && AllVersions.TryGetValue(templateVersion, out var settings) ? settings : Default;

    /// Two amounts the checks treat as equal: within the tolerance of this template version
    /// (the rules and the wizard's reconciliation panel agree by using this one test).
    public bool SameAmount(decimal a, decimal b)
    {
        var tolerance = Math.Max(MoneyToleranceUnits, Math.Max(Math.Abs(a), Math.Abs(b)) * MoneyTolerancePercent / 100m);
        return Math.Abs(a - b) <= tolerance;
    }

    public decimal Param(string ruleId, string name, decimal fallback) =>
        Rules.TryGetValue(ruleId, out var rule) && rule.Params.TryGetValue(name, out var value) ? value : fallback;

    public Severity? SeverityOverride(string ruleId, Route route) =>
        Rules.TryGetValue(ruleId, out var rule) && rule.SeverityByRoute.TryGetValue(route, out var severity) ? severity : null;

    public static RuleSettings Load(string file)
    {
        if (!File.Exists(file))
            return new RuleSettings();
        return JsonSerializer.Deserialize<RuleSettings>(File.ReadAllText(file), Options) ?? new RuleSettings();
    }

}

public sealed class RuleSetting
{
    public Dictionary<string, decimal> Params { get; init; } = [];
    public Dictionary<Route, Severity> SeverityByRoute { get; init; } = [];
}
