using System.Collections;
using System.Reflection;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Proposals;

/// Every input is bounded (reliability-tests §d): the model itself must say how long each list
/// may be, so a list added later without a limit fails here instead of in production.
public sealed class ModelLimitsTests
{
    private static IEnumerable<PropertyInfo> AllModelProperties()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Proposal)]);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
                continue;
            foreach (var property in type.GetProperties())
            {
                yield return property;
                var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
                inner = Nullable.GetUnderlyingType(inner) ?? inner;
                if (inner.Namespace == typeof(Proposal).Namespace && inner.IsClass)
                    queue.Enqueue(inner);
            }
        }
    }

    [Fact]
    public void EveryList_HasAMaximumLength()
    {
        var unbounded = AllModelProperties()
            .Where(p => typeof(IList).IsAssignableFrom(p.PropertyType) && p.GetCustomAttribute<MaxItemsAttribute>() is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public void NoAmountIsAFreeTextNumber_MoneyIsAlwaysTheMoneyType()
    {
        // "Value" is left out: indicator baselines and factor values are numbers, not money.
        string[] moneyWords = ["Amount", "Cost", "Budget", "Losses", "Revenue", "Fee", "Damage", "Price"];
        var suspicious = AllModelProperties()
            .Where(p => p.DeclaringType != typeof(Money)
                && (p.PropertyType == typeof(string) || p.PropertyType == typeof(decimal) || p.PropertyType == typeof(decimal?))
                && moneyWords.Any(w => p.Name.EndsWith(w, StringComparison.Ordinal)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            // A budget line's unit cost is in the line's own currency (its Amount.Currency): the
            // amount it gives is Money; a second currency on the unit cost could only disagree.
            .Where(name => name != "BudgetLine.UnitCost")
            .ToList();

        Assert.Empty(suspicious);
    }
}
