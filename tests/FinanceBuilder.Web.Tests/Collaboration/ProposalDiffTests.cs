using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Collaboration;

/// The audit trail's diff walks only the parts of two documents that differ; what it finds must
/// be exactly what flattening both whole documents and comparing every answer finds.
public sealed class ProposalDiffTests
{
    public static TheoryData<string> Edits => new()
    {
        "title", "top-level-added", "one-number", "list-item-removed", "list-item-added", "text-emptied", "object-removed", "object-added", "many",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void OnlyTheDifferingParts_AreWalked_AndTheChangesAreThoseOfAFullComparison(string edit)
    {
        var before = Samples.ReadText("crosscutting-cuenca-watershed-bus.json");
        var node = JsonNode.Parse(before)!;
        switch (edit)
        {
            case "title": node["basics"]!["title"] = "A new title"; break;
            case "top-level-added": node["extraPart"] = new JsonObject { ["note"] = "added" }; break;
            case "one-number": node["budget"]!["lines"]![3]!["amount"]!["amount"] = 12345.5m; break;
            case "list-item-removed": node["components"]!.AsArray().RemoveAt(0); break;
            case "list-item-added": node["risks"]!.AsArray().Add(new JsonObject { ["description"] = "New risk", ["probability"] = "Low" }); break;
            case "text-emptied": node["narratives"]!["theoryOfChange"] = ""; break;
            case "object-removed": node.AsObject().Remove("economics"); break;
            case "object-added": node["governance"]!["newPart"] = new JsonObject { ["a"] = 1, ["b"] = new JsonArray(1, 2) }; break;
            case "many":
                node["basics"]!["title"] = null;
                node["components"]![1]!["outputs"]!.AsArray().RemoveAt(1);
                node["results"]!["outcomes"]![0]!["statement"] = "Changed";
                break;
        }
        var after = node.ToJsonString();

        var found = ProposalDiff.Compare(before, after).SelectMany(s => s.Changes).Select(c => (c.Path, c.Before, c.After)).Order().ToList();

        Assert.NotEmpty(found);
        Assert.Equal(FullComparison(before, after), found);
    }

    [Fact]
    public void AFirstSave_ListsEveryAnswer()
    {
        var after = Samples.ReadText("mitigation-tamale-solar-led.json");
        var found = ProposalDiff.Compare(null, after).SelectMany(s => s.Changes).Select(c => (c.Path, c.Before, c.After)).Order().ToList();
        Assert.Equal(FullComparison("{}", after), found);
    }

    [Fact]
    public void TheSameDocument_HasNoChange() =>
        Assert.Empty(ProposalDiff.Compare(Samples.ReadText("mitigation-tamale-solar-led.json"), Samples.ReadText("mitigation-tamale-solar-led.json")));

    private static List<(string, string?, string?)> FullComparison(string before, string after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        return now.Where(p => !old.TryGetValue(p.Key, out var was) || was != p.Value).Select(p => (p.Key, old.GetValueOrDefault(p.Key), (string?)p.Value))
            .Concat(old.Where(p => !now.ContainsKey(p.Key)).Select(p => (p.Key, (string?)p.Value, (string?)null)))
            .Where(c => c.Key != "schemaVersion").Order().ToList();
    }

    private static Dictionary<string, string> Flatten(string json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", values);
        return values;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, values);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{path}[{i++}]", values);
                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                if (element.GetString() is { Length: > 0 } text)
                    values[path] = text;
                break;
            default:
                values[path] = element.GetRawText();
                break;
        }
    }
}
