using System.Text.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Rules;

/// Parameters of the catalogue for one template version (thresholds, tolerances, caps, word
/// limits): several figures of the reference are tagged [R] and must change without code.
/// Read from Rules/Settings/&lt;version&gt;.json; a parameter absent there uses the rule's default.
/// A version is the funder's template a type of application is written in, and the rule set it
/// is checked against: one name for both (the SAP pack's "GCF-SAP-FP-2022" is checked against
/// the rules of "GCF-SAP-FP-2022"). A file may extend another and change only some rules.
public sealed class RuleSettings
{
    public string TemplateVersion { get; init; } = "GCF-FP-V3.0";

    /// What the version is, in a few words ("Updated SAP, decision B.32/05").
    public string Name { get; init; } = "";

    /// The types of application written in this version.
    public IReadOnlyList<Route> Routes { get; init; } = [];

    /// Whether a new proposal of those routes gets this version (one per route).
    public bool Current { get; init; }

    public decimal MoneyTolerancePercent { get; init; }
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

    /// Every settings file of the folder, by the template version it declares.
    public static IReadOnlyDictionary<string, RuleSettings> AllVersions { get; } = LoadAll(Folder);

    /// The current funding-proposal version: the parameters when nothing says otherwise.
    public static RuleSettings Default { get; } = CurrentFor(Route.FundingProposal) ?? new RuleSettings();

    /// The version a new proposal of <paramref name="route"/> is written in; null when none is declared.
    public static RuleSettings? CurrentFor(Route route) =>
        AllVersions.Values.Where(v => v.Current && v.Routes.Contains(route)).OrderBy(v => v.TemplateVersion, StringComparer.Ordinal).FirstOrDefault();

    /// The versions a proposal of <paramref name="route"/> may be written in, the current first.
    public static IEnumerable<RuleSettings> VersionsFor(Route? route) =>
        AllVersions.Values.Where(v => route is null || v.Routes.Contains(route.Value))
            .OrderByDescending(v => v.Current).ThenBy(v => v.TemplateVersion, StringComparer.Ordinal);

    /// The version a proposal of <paramref name="route"/> is checked against: the one it declares
    /// when that version is one of the route's, else the route's current one, else
    /// <paramref name="fallback"/>. A funding proposal's file packaged as a SAP is checked as a SAP.
    public static RuleSettings For(Proposal proposal, Route route, RuleSettings fallback)
    {
        if (proposal.Target.TemplateVersion is { } declared && AllVersions.TryGetValue(declared, out var settings)
            && (settings.Routes.Count == 0 || settings.Routes.Contains(route)))
            return settings;
        return CurrentFor(route) ?? fallback;
    }

    /// The parameters a proposal is checked with on its own route.
    public static RuleSettings For(Proposal proposal) =>
        For(proposal, proposal.Target.Route ?? Route.FundingProposal, Default);

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

    /// Reads every file of <paramref name="folder"/>, each merged over the version it extends.
    private static Dictionary<string, RuleSettings> LoadAll(string folder)
    {
        var result = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(folder))
            return result;
        var raw = Directory.EnumerateFiles(folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<SettingsFile>(File.ReadAllText(f), Options) ?? new SettingsFile())
            .ToDictionary(r => r.TemplateVersion, StringComparer.OrdinalIgnoreCase);
        RuleSettings Resolve(string version, int depth)
        {
            if (result.TryGetValue(version, out var done))
                return done;
            var data = raw[version];
            if (depth > 8)
                throw new InvalidOperationException($"Rule settings {version}: 'extends' goes round in a circle.");
            var basis = data.Extends is { } extends
                ? raw.ContainsKey(extends) ? Resolve(extends, depth + 1) : throw new InvalidOperationException($"Rule settings {version} extend {extends}, which no file declares.")
                : new RuleSettings();
            var rules = basis.Rules.ToDictionary(r => r.Key, r => r.Value.Copy());
            foreach (var (id, own) in data.Rules)
            {
                var merged = rules.TryGetValue(id, out var inherited) ? inherited : new RuleSetting();
                foreach (var (name, value) in own.Params)
                    merged.Params[name] = value;
                foreach (var (route, severity) in own.SeverityByRoute)
                    merged.SeverityByRoute[route] = severity;
                rules[id] = merged;
            }
            var settings = new RuleSettings
            {
                TemplateVersion = data.TemplateVersion,
                Name = data.Name ?? basis.Name,
                Routes = data.Routes ?? basis.Routes,
                Current = data.Current ?? false,
                MoneyTolerancePercent = data.MoneyTolerancePercent ?? basis.MoneyTolerancePercent,
                MoneyToleranceUnits = data.MoneyToleranceUnits ?? basis.MoneyToleranceUnits,
                NotEligibleCountries = data.NotEligibleCountries ?? basis.NotEligibleCountries,
                Rules = rules,
            };
            result[version] = settings;
            return settings;
        }
        foreach (var version in raw.Keys)
            Resolve(version, 0);
        return result;
    }

    /// A settings file as written: what it leaves out comes from the version it extends.
    private sealed class SettingsFile
    {
        public string TemplateVersion { get; init; } = "GCF-FP-V3.0";
        public string? Extends { get; init; }
        public string? Name { get; init; }
        public List<Route>? Routes { get; init; }
        public bool? Current { get; init; }
        public decimal? MoneyTolerancePercent { get; init; }
        public decimal? MoneyToleranceUnits { get; init; }
        public HashSet<string>? NotEligibleCountries { get; init; }
        public Dictionary<string, RuleSetting> Rules { get; init; } = [];
    }
}

public sealed class RuleSetting
{
    public Dictionary<string, decimal> Params { get; init; } = [];
    public Dictionary<Route, Severity> SeverityByRoute { get; init; } = [];

    internal RuleSetting Copy() => new() { Params = new(Params), SeverityByRoute = new(SeverityByRoute) };
}
