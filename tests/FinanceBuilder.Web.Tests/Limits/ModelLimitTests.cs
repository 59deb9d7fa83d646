using System.Collections;
using System.Reflection;
using FinanceBuilder.Templates.Scripting;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Limits;

/// The limits declared on the model agree with the limits of everything that reads it: the file
/// reader's prescan never refuses a list the model allows, and no list — nested ones counted
/// together, as Scriban counts the iterations of nested loops — is longer than a template may
/// loop over. (A proposal of 30,000 activities used to be accepted and then fail every package.)
public sealed class ModelLimitTests
{
    private static IEnumerable<(string Path, int Items)> Lists(Type type, string path, int outer, int depth = 0)
    {
        if (depth > 8)
            yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = property.PropertyType;
            var childPath = path + "." + property.Name;
            if (propertyType != typeof(string) && typeof(IList).IsAssignableFrom(propertyType))
            {
                var max = property.GetCustomAttribute<MaxItemsAttribute>()?.Max ?? throw new InvalidOperationException($"{childPath} has no [MaxItems].");
                yield return (childPath, outer * max);
                var item = propertyType.GetGenericArguments()[0];
                if (IsModel(item))
                {
                    foreach (var nested in Lists(item, childPath + "[]", outer * max, depth + 1))
                        yield return nested;
                }
            }
            else if (IsModel(propertyType))
            {
                foreach (var nested in Lists(propertyType, childPath, outer, depth + 1))
                    yield return nested;
            }
        }
    }

    private static bool IsModel(Type type) => type.IsClass && type != typeof(string) && type.Namespace == typeof(Proposal).Namespace;

    [Fact]
    public void EveryListTheModelAllows_TheReaderAccepts_AndATemplateCanLoopOver()
    {
        var lists = Lists(typeof(Proposal), "$", 1).ToList();

        Assert.True(lists.Count > 40);
        Assert.All(lists, l => Assert.True(l.Items <= SafeTemplate.LoopLimit, $"{l.Path}: up to {l.Items:N0} items, more than a template may loop over ({SafeTemplate.LoopLimit:N0})"));
        var flat = Lists(typeof(Proposal), "$", 1).Select(l => (l.Path, Own: OwnMax(l.Path))).ToList();
        Assert.All(flat, l => Assert.True(l.Own <= JsonPrescan.MaxArrayItems, $"{l.Path}: {l.Own} items allowed, but the reader's prescan stops at {JsonPrescan.MaxArrayItems}"));
        Assert.Contains(lists, l => l.Path == "$.Components[].Outputs[].Activities" && l.Items == 4_000);
        Assert.Contains(lists, l => l.Path == "$.Budget.Lines" && l.Items == 2_000);
    }

    private static int OwnMax(string path)
    {
        var type = typeof(Proposal);
        PropertyInfo? property = null;
        foreach (var part in path.Split('.').Skip(1))
        {
            property = type.GetProperty(part.TrimEnd('[', ']'))!;
            type = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
        }
        return property!.GetCustomAttribute<MaxItemsAttribute>()!.Max;
    }
}
