using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace FinanceBuilder.Web.Proposals.Model;

/// One step of a path: a property (by its JSON name) and, for a list, an index.
public sealed record PathSegment(string Name, int? Index);

/// Paths into the proposal written as in the JSON file ("budget.lines[3].amount"), resolved to
/// the model's C# properties. Form field names, rule finding paths ("$.budget.lines[3]") and
/// the interchange file use the same names, so a finding can point at the field that caused it.
public static class ModelPath
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<PathSegment>> Parsed = new(StringComparer.Ordinal);

    /// Parsed once: the relative paths of the step catalogue are read for every field of every page.
    public static IReadOnlyList<PathSegment> Parse(string path)
    {
        if (Parsed.TryGetValue(path, out var known))
            return known;
        var segments = ParseNew(path);
        if (Parsed.Count < 20_000)
            Parsed.TryAdd(path, segments);
        return segments;
    }

    private static List<PathSegment> ParseNew(string path)
    {
        var segments = new List<PathSegment>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                segments.Add(new(part, null));
                continue;
            }
            var index = int.Parse(part.AsSpan(bracket + 1, part.Length - bracket - 2), NumberStyles.None, CultureInfo.InvariantCulture);
            segments.Add(new(part[..bracket], index));
        }
        return segments;
    }

    public static string Combine(string prefix, string path) => prefix.Length == 0 ? path : path.Length == 0 ? prefix : prefix + "." + path;

    public static string Item(string listPath, int index) => listPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// The path without list indices: the key of its label and hint in the resource files.
    public static string Normalize(string path)
    {
        var text = new System.Text.StringBuilder(path.Length);
        var skipping = false;
        foreach (var c in path)
        {
            if (c == '[')
                skipping = true;
            else if (c == ']')
                skipping = false;
            else if (!skipping)
                text.Append(c);
        }
        return text.ToString();
    }

    /// The HTML id of a field: letters, digits and dashes only.
    public static string HtmlId(string path)
    {
        var text = new System.Text.StringBuilder("f-", path.Length + 2);
        foreach (var c in path)
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : c == ']' ? null : '-');
        return text.ToString();
    }

    public static PropertyInfo? Property(Type type, string jsonName) =>
        Properties.GetOrAdd((type, jsonName), key => key.Item1.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == key.Item2));

    public static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// The property a path ends on, found from the types alone (no data needed).
    public static PropertyInfo PropertyAt(Type root, string path)
    {
        var type = root;
        PropertyInfo? property = null;
        foreach (var segment in Parse(path))
        {
            property = Property(type, segment.Name) ?? throw new ArgumentException($"'{segment.Name}' is not a property of {type.Name} (path '{path}').", nameof(path));
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (segment.Index is not null)
                type = ElementType(type) ?? throw new ArgumentException($"'{segment.Name}' is not a list (path '{path}').", nameof(path));
        }
        return property ?? throw new ArgumentException("Empty path.", nameof(path));
    }

    /// The value at the path, or null when any part of the way is missing.
    public static object? Get(object root, string path)
    {
        object? node = root;
        foreach (var segment in Parse(path))
        {
            if (node is null)
                return null;
            node = Property(node.GetType(), segment.Name)?.GetValue(node);
            if (segment.Index is { } index)
                node = node is IList list && index < list.Count ? list[index] : null;
        }
        return node;
    }

    /// Sets the value at the path, creating the objects on the way (a nullable block such as
    /// the calculator inputs of one method exists once one of its fields is answered). An empty
    /// answer under a block that does not exist leaves it absent: an empty block is not "no
    /// block" to the calculators (an empty "generation" lost a measure's reductions).
    public static void Set(object root, string path, object? value)
    {
        var segments = Parse(path);
        var node = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            var property = Property(node.GetType(), segment.Name)!;
            var next = property.GetValue(node);
            if (next is null)
            {
                if (value is null)
                    return;
                next = Activator.CreateInstance(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType)!;
                property.SetValue(node, next);
            }
            if (segment.Index is { } index)
                next = ((IList)next)[index]!;
            node = next;
        }
        Property(node.GetType(), segments[^1].Name)!.SetValue(node, value);
    }
}
