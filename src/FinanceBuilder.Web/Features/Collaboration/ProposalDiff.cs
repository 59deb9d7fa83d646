using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Collaboration;

/// What changed between two versions of a proposal document, section by section: each answer
/// (leaf of the JSON) compared by its path, and each path given to the wizard page that asks
/// it. Used by the audit trail (every save) and by the comparison of submitted versions.
public static class ProposalDiff
{
    public sealed record FieldChange(string Path, string? Before, string? After);

    /// <param name="Section">A wizard step id ("budget"), or the top-level part of the document
    /// no page asks (e.g. "acknowledgements").</param>
    public sealed record SectionChanges(string Section, IReadOnlyList<FieldChange> Changes);

    public static IReadOnlyList<SectionChanges> Compare(string? before, string after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        var changes = new List<FieldChange>();
        foreach (var (path, value) in now)
        {
            if (!old.TryGetValue(path, out var was) || was != value)
                changes.Add(new FieldChange(path, old.GetValueOrDefault(path), value));
        }
        foreach (var (path, was) in old)
        {
            if (!now.ContainsKey(path))
                changes.Add(new FieldChange(path, was, null));
        }
        var order = StepCatalogue.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return changes
            .Where(c => c.Path != "schemaVersion")
            .GroupBy(c => SectionOf(c.Path), StringComparer.Ordinal)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SectionChanges(g.Key, g.ToList()))
            .ToList();
    }

    /// The wizard page that asks this answer; otherwise the first part of its path.
    public static string SectionOf(string path) =>
        StepCatalogue.All.FirstOrDefault(s => s.Owns(path))?.Id ?? path.Split('.', '[')[0];

    /// The section's name in the reader's language (the wizard page's title).
    public static string SectionName(string section, CultureInfo culture) =>
        ProposalText.Resources.GetString("Step." + section, culture) ?? section;

    /// The question's label, with the item number for answers in lists ("Amount (item 3)").
    public static string FieldName(string path, CultureInfo culture)
    {
        var label = ProposalText.Resources.GetString("Field." + ModelPath.Normalize(path), culture) ?? path;
        var items = System.Text.RegularExpressions.Regex.Matches(path, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).ToList();
        return items.Count == 0 ? label : $"{label} ({string.Join(", ", items.Select(i => CollaborationText.Texts.Format(culture, "ItemNumber", i)))})";
    }

    /// One line for the audit trail: "Title: “A” → “B”; Budget line amount (item 3): … (+4 more)".
    public static string Summary(SectionChanges section, CultureInfo culture, int maxLength = 1000)
    {
        var text = new StringBuilder();
        var shown = 0;
        foreach (var change in section.Changes)
        {
            var part = $"{FieldName(change.Path, culture)}: {Quote(change.Before)} → {Quote(change.After)}";
            if (text.Length + part.Length + 2 > maxLength - 20)
                break;
            if (text.Length > 0)
                text.Append("; ");
            text.Append(part);
            shown++;
        }
        if (shown < section.Changes.Count)
            text.Append(CultureInfo.InvariantCulture, $" (+{section.Changes.Count - shown})");
        return text.ToString();
    }

    /// The changes as stored in the audit trail: paths and values, no words, so that each reader
    /// gets the field names in their own language (Describe). Values are cut at 200 characters,
    /// and at most 40 changes are kept per section.
    public static string Serialize(SectionChanges section)
    {
        static string? Cut(string? v) => v is { Length: > 200 } ? v[..199] + "…" : v;
        var kept = section.Changes.Take(40).Select(c => new StoredChange(c.Path, Cut(c.Before), Cut(c.After))).ToList();
        return JsonSerializer.Serialize(new StoredChanges(kept, section.Changes.Count - kept.Count));
    }

    /// An audit summary in the reader's language: stored changes are described with the
    /// questions' labels; any other summary (a comment, "V.002", a donor's name) is shown as it is.
    public static string Describe(string? section, string summary, CultureInfo culture)
    {
        if (!summary.StartsWith("{\"Changes\"", StringComparison.Ordinal))
            return summary;
        var stored = JsonSerializer.Deserialize<StoredChanges>(summary)!;
        var text = Summary(new SectionChanges(section ?? "", stored.Changes.Select(c => new FieldChange(c.Path, c.Before, c.After)).ToList()), culture);
        return stored.More > 0 ? text + $" (+{stored.More})" : text;
    }

    private sealed record StoredChange(string Path, string? Before, string? After);

    private sealed record StoredChanges(IReadOnlyList<StoredChange> Changes, int More);

    private static string Quote(string? value) =>
        value is null ? "—" : "“" + (value.Length > 80 ? value[..77] + "…" : value) + "”";

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return values;
        PipelineMetrics.Parsed("proposal-diff");
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", values);
        return values;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> values)
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
