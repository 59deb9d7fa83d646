using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace FinanceBuilder.Web.Tests.Architecture;

/// The architecture the folders show, kept by the compiler's output: the web project's areas
/// (Rules, Questionnaire, Proposals, Data, …) and each feature folder (Features/Wizard,
/// Features/Documents, …) form a graph without cycles, the shared areas never reach up into a
/// feature, and the document engine never references the web project. Sub-folders of one
/// feature (Wizard/Forms and Wizard/Budget) are one unit: they may use each other.
/// Dependencies are read from the compiled assemblies by ArchUnitNET (every type a type names:
/// fields, signatures, calls, attributes); docs/architecture.md draws the layers.
[Trait("Database", "None")]
public class DependencyTests
{
    private const string Web = "FinanceBuilder.Web.";
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Code = new(() => new ArchLoader()
        .LoadAssemblies(typeof(Program).Assembly, typeof(FinanceBuilder.Templates.Rendering.DocumentInfo).Assembly)
        .Build());

    /// The areas below every feature: a feature may use them, they use no feature.
    private static readonly string[] Shared = ["Localization", "Configuration", "Diagnostics", "Proposals", "Calculators", "Geography", "Rules", "Questionnaire", "Data"];

    [Fact]
    public void No_cycle_between_feature_folders_or_areas()
    {
        var graph = UnitGraph();
        var cycles = StronglyConnected(graph).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, "Dependency cycles between folders (each edge with the types that make it):\n"
            + string.Join("\n", cycles.Select(c => Describe(c, graph))));
    }

    [Fact]
    public void Shared_areas_never_depend_on_a_feature_or_the_host()
    {
        // Questionnaire may ask the accredited-entity directory to fill in a picked entity: the
        // directory is data shipped with the app, a feature only by where its admin page lives.
        var allowed = new HashSet<(string, string)> { ("Questionnaire", "Features.EntityDirectory") };
        var graph = UnitGraph();
        var wrong = graph.Where(e => Shared.Contains(e.Key.From) && !Shared.Contains(e.Key.To) && !allowed.Contains(e.Key))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join(", ", e.Value.Take(5))}").ToList();
        Assert.True(wrong.Count == 0, "Shared areas depending upwards:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_document_engine_never_references_the_web_project()
    {
        var templates = typeof(FinanceBuilder.Templates.Rendering.DocumentInfo).Assembly;
        Assert.DoesNotContain(templates.GetReferencedAssemblies(), a => a.Name == typeof(Program).Assembly.GetName().Name);
        var reaching = Code.Value.Types
            .Where(t => t.Namespace?.FullName.StartsWith("FinanceBuilder.Templates", StringComparison.Ordinal) == true)
            .SelectMany(t => t.Dependencies.Where(d => d.Target?.Namespace?.FullName.StartsWith(Web, StringComparison.Ordinal) == true)
                .Select(d => $"{t.FullName} -> {d.Target.FullName}"))
            .Distinct().ToList();
        Assert.Empty(reaching);
    }

    /// The rule sees what it must: a cycle made on purpose in a copy of the graph is found.
    [Fact]
    public void A_cycle_is_found_when_there_is_one()
    {
        var graph = UnitGraph();
        Assert.Contains(graph.Keys, e => e == ("Features.Wizard", "Features.Proposals"));
        graph[("Features.Proposals", "Features.Wizard")] = ["made up"];
        var cycle = Assert.Single(StronglyConnected(graph), c => c.Contains("Features.Proposals"));
        Assert.Contains("Features.Wizard", cycle);
    }

    /// "Features.Wizard" for FinanceBuilder.Web.Features.Wizard.Forms, "Rules" for
    /// FinanceBuilder.Web.Rules.Catalogue; null outside the web project.
    internal static string? Unit(string? ns)
    {
        if (ns is null || !ns.StartsWith(Web, StringComparison.Ordinal))
            return null;
        var parts = ns[Web.Length..].Split('.');
        return parts[0] == "Features" && parts.Length > 1 ? "Features." + parts[1] : parts[0];
    }

    private static Dictionary<(string From, string To), List<string>> UnitGraph()
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in Code.Value.Types)
        {
            if (Unit(type.Namespace?.FullName) is not { } from)
                continue;
            foreach (var dependency in type.Dependencies)
            {
                if (Unit(dependency.Target?.Namespace?.FullName) is not { } to || to == from)
                    continue;
                if (!edges.TryGetValue((from, to), out var why))
                    edges[(from, to)] = why = [];
                var pair = $"{type.Name} -> {dependency.Target!.Name}";
                if (!why.Contains(pair))
                    why.Add(pair);
            }
        }
        return edges;
    }

    private static string Describe(IReadOnlyCollection<string> cycle, Dictionary<(string From, string To), List<string>> graph) =>
        string.Join("\n", graph.Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To))
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
            .Select(e => $"  {e.Key.From} -> {e.Key.To}: {string.Join(", ", e.Value.Take(5))}"));

    /// Tarjan's strongly connected components: every set of units that reach each other.
    internal static List<List<string>> StronglyConnected(Dictionary<(string From, string To), List<string>> graph)
    {
        var next = graph.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = graph.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next.GetValueOrDefault(v) ?? [])
            {
                if (index.TryGetValue(w, out var seen))
                {
                    if (onStack.Contains(w))
                        low[v] = Math.Min(low[v], seen);
                    continue;
                }
                Visit(w);
                low[v] = Math.Min(low[v], low[w]);
            }
            if (low[v] != index[v])
                return;
            var component = new List<string>();
            string top;
            do
            {
                top = stack.Pop();
                onStack.Remove(top);
                component.Add(top);
            } while (top != v);
            result.Add(component);
        }
        foreach (var node in nodes)
            if (!index.ContainsKey(node))
                Visit(node);
        return result;
    }
}
