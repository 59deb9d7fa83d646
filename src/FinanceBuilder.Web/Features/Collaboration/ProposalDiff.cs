using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
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
        // Only the parts that differ are parsed and walked: an autosave changes one page, and
        // flattening two whole proposals into strings cost more than the rest of the save
        // (bench/RESULTS.md, issue 12). The stored documents are written by one serialiser, so
        // a top-level part whose bytes are equal holds equal answers.
        var changes = new List<FieldChange>();
        // Pooled buffers: two documents of a few hundred kilobytes per autosave would otherwise
        // land on the large-object heap every time.
        var now = Rent(after, out var nowLength);
        var oldLength = 0;
        var old = string.IsNullOrEmpty(before) ? null : Rent(before, out oldLength);
        try
        {
            if (old is not null && TopLevelParts(old.AsSpan(0, oldLength)) is { } oldParts && TopLevelParts(now.AsSpan(0, nowLength)) is { } nowParts)
            {
                PipelineMetrics.Parsed("proposal-diff");
                PipelineMetrics.Parsed("proposal-diff");
                foreach (var (name, range) in nowParts)
                {
                    var was = oldParts.GetValueOrDefault(name);
                    if (was.Length > 0 && old.AsSpan(was.Start, was.Length).SequenceEqual(now.AsSpan(range.Start, range.Length)))
                        continue;
                    using var afterPart = JsonDocument.Parse(now.AsMemory(range.Start, range.Length));
                    using var beforePart = was.Length > 0 ? JsonDocument.Parse(old.AsMemory(was.Start, was.Length)) : null;
                    Diff(beforePart?.RootElement, afterPart.RootElement, name, changes);
                }
                foreach (var (name, range) in oldParts.Where(p => !nowParts.ContainsKey(p.Key)))
                {
                    using var gone = JsonDocument.Parse(old.AsMemory(range.Start, range.Length));
                    Diff(gone.RootElement, null, name, changes);
                }
                return Sections(changes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(now);
            if (old is not null)
                ArrayPool<byte>.Shared.Return(old);
        }
        using (var oldDocument = Parse(before))
        using (var nowDocument = Parse(after))
            Diff(oldDocument?.RootElement, nowDocument?.RootElement, "", changes);
        return Sections(changes);
    }

    private static byte[] Rent(string text, out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        length = Encoding.UTF8.GetBytes(text, buffer);
        return buffer;
    }

    private static List<SectionChanges> Sections(List<FieldChange> changes)
    {
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

    /// Each top-level property of a JSON object and where its value's bytes are, in document
    /// order; null when the document is not an object (then it is compared whole).
    private static Dictionary<string, (int Start, int Length)>? TopLevelParts(ReadOnlySpan<byte> utf8)
    {
        var parts = new Dictionary<string, (int Start, int Length)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            parts[name] = (start, (int)reader.BytesConsumed - start);
        }
        return parts;
    }

    private static JsonDocument? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        PipelineMetrics.Parsed("proposal-diff");
        return JsonDocument.Parse(json);
    }

    /// The answers that differ under one path: equal subtrees are skipped whole; objects and
    /// lists are compared part by part; anything else is flattened on both sides and compared
    /// answer by answer (an empty text and a missing one are the same answer).
    private static void Diff(JsonElement? before, JsonElement? after, string path, List<FieldChange> changes)
    {
        if (before is { } b && after is { } a)
        {
            if (JsonElement.DeepEquals(b, a))
                return;
            if (b.ValueKind == JsonValueKind.Object && a.ValueKind == JsonValueKind.Object)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in a.EnumerateObject())
                {
                    seen.Add(property.Name);
                    Diff(b.TryGetProperty(property.Name, out var was) ? was : null, property.Value, Join(path, property.Name), changes);
                }
                foreach (var property in b.EnumerateObject())
                {
                    if (!seen.Contains(property.Name))
                        Diff(property.Value, null, Join(path, property.Name), changes);
                }
                return;
            }
            if (b.ValueKind == JsonValueKind.Array && a.ValueKind == JsonValueKind.Array)
            {
                var (bl, al) = (b.GetArrayLength(), a.GetArrayLength());
                for (var i = 0; i < Math.Max(bl, al); i++)
                    Diff(i < bl ? b[i] : null, i < al ? a[i] : null, $"{path}[{i}]", changes);
                return;
            }
        }
        var old = new Dictionary<string, string?>(StringComparer.Ordinal);
        var now = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (before is { } gone)
            Walk(gone, path, old);
        if (after is { } come)
            Walk(come, path, now);
        foreach (var (leaf, value) in now)
        {
            if (!old.TryGetValue(leaf, out var was) || was != value)
                changes.Add(new FieldChange(leaf, old.GetValueOrDefault(leaf), value));
        }
        foreach (var (leaf, was) in old)
        {
            if (!now.ContainsKey(leaf))
                changes.Add(new FieldChange(leaf, was, null));
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, Join(path, property.Name), values);
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
