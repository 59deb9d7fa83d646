using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Removes optional blocks whose every answer was cleared (a generation block with no capacity
/// and no yield, a projected change with no text): "not answered" is null in the model, and
/// the calculators and rules read an empty block as "asked for but missing".
public static class EmptyBlocks
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Nullable)[]> Properties = new();
    private static readonly ConcurrentDictionary<Type, object?> Fresh = new();

    /// Prunes only what one page answers: the blocks along a path and below it, so saving one
    /// page never rewrites another page's answers.
    public static void PruneAlong(object root, string path)
    {
        var chain = new List<(object Parent, PropertyInfo Property, bool Nullable)>();
        object? node = root;
        foreach (var segment in ModelPath.Parse(path))
        {
            if (node is null || Describe(node.GetType()).FirstOrDefault(d => JsonName(d.Property) == segment.Name) is not { Property: not null } found)
                return;
            chain.Add((node, found.Property, found.Nullable && segment.Index is null));
            node = found.Property.GetValue(node);
            if (segment.Index is { } index)
                node = node is IList list && index < list.Count ? list[index] : null;
        }
        switch (node)
        {
            case IList items:
                foreach (var item in items)
                    if (item is not null && IsBlock(item.GetType()))
                        Prune(item);
                break;
            case not null when IsBlock(node.GetType()):
                Prune(node);
                break;
        }
        // Then the blocks on the way, deepest first: a contact with every answer cleared goes.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var (parent, property, nullable) = chain[i];
            if (property.GetValue(parent) is { } value && IsBlock(value.GetType()) && nullable && IsEmpty(value))
                property.SetValue(parent, null);
        }
    }

    private static string JsonName(PropertyInfo property) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static void Prune(object node)
    {
        foreach (var (property, nullable) in Describe(node.GetType()))
        {
            var value = property.GetValue(node);
            switch (value)
            {
                case null or string:
                    continue;
                case IList list:
                    foreach (var item in list)
                        if (item is not null && IsBlock(item.GetType()))
                            Prune(item);
                    continue;
            }
            if (!IsBlock(value.GetType()))
                continue;
            Prune(value);
            if (nullable && IsEmpty(value))
                property.SetValue(node, null);
        }
    }

    private static bool IsBlock(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(FinanceBuilder.Web.Proposals.Model.Proposal).Namespace;

    /// Every property as a fresh instance has it: null, an empty list, the default value, or a
    /// block that is itself empty (beneficiaries whose direct and indirect counts are both blank).
    private static bool IsEmpty(object value)
    {
        var fresh = Fresh.GetOrAdd(value.GetType(), t => t.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(t));
        if (fresh is null)
            return false;
        foreach (var (property, _) in Describe(value.GetType()))
        {
            var mine = property.GetValue(value);
            var blank = property.GetValue(fresh);
            var same = mine switch
            {
                IList list => list.Count == 0,
                not null when blank is not null && IsBlock(mine.GetType()) => IsEmpty(mine),
                _ => Equals(mine, blank),
            };
            if (!same)
                return false;
        }
        return true;
    }

    private static (PropertyInfo Property, bool Nullable)[] Describe(Type type) =>
        Properties.GetOrAdd(type, t =>
        {
            // NullabilityInfoContext is not thread-safe: one per type described.
            var nullability = new NullabilityInfoContext();
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
                .Select(p => (p, nullability.Create(p).WriteState == NullabilityState.Nullable))
                .ToArray();
        });
}
