using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The row checks of a Frictionless tabular resource, as the standard defines them (no reference
/// validator is served to this machine): the header names the schema's fields in order; every
/// value parses as its field's type (integer, number, date, datetime, uuid, uri); required fields
/// are filled; the primary key is unique; every foreign key names a row of its resource.
internal static partial class TableCheck
{
    public static IReadOnlyList<string> Problems(JsonObject descriptor, IReadOnlyDictionary<string, string> files)
    {
        var problems = new List<string>();
        var tables = new Dictionary<string, (List<string> Header, List<List<string>> Rows)>();
        foreach (var resource in descriptor["resources"]!.AsArray().Select(r => r!.AsObject()))
        {
            var name = (string)resource["name"]!;
            var fields = resource["schema"]!["fields"]!.AsArray().Select(f => f!.AsObject()).ToList();
            var records = Csv(files[(string)resource["path"]!]);
            var header = records[0];
            if (!header.SequenceEqual(fields.Select(f => (string)f["name"]!)))
                problems.Add($"{name}: header {string.Join(",", header)} is not the schema's fields");
            var rows = records.Skip(1).ToList();
            tables[name] = (header, rows);
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Count != fields.Count)
                {
                    problems.Add($"{name} row {r + 2}: {rows[r].Count} cells for {fields.Count} fields");
                    continue;
                }
                for (var c = 0; c < fields.Count; c++)
                {
                    var field = fields[c];
                    var value = rows[r][c];
                    if (value.Length == 0)
                    {
                        if (field["constraints"]?["required"]?.GetValue<bool>() == true)
                            problems.Add($"{name} row {r + 2}: {field["name"]} is required");
                        continue;
                    }
                    if (!Parses((string)field["type"]!, (string?)field["format"], value))
                        problems.Add($"{name} row {r + 2}: {field["name"]} \"{value}\" is not a {field["type"]}{(field["format"] is null ? "" : " (" + field["format"] + ")")}");
                    // A pattern must match the whole value, whether or not it is written with ^…$.
                    if (field["constraints"]?["pattern"] is { } pattern && !Regex.IsMatch(value, "^(?:" + (string)pattern! + ")$"))
                        problems.Add($"{name} row {r + 2}: {field["name"]} \"{value}\" does not match {pattern}");
                    if (field["constraints"]?["enum"] is JsonArray allowed && !allowed.Any(v => (string?)v == value))
                        problems.Add($"{name} row {r + 2}: {field["name"]} \"{value}\" is not one of its values");
                }
            }
            // A primary key is one field's name or a list of them.
            var primary = resource["schema"]!["primaryKey"];
            var key = (primary is JsonArray names ? names.Select(k => (string)k!) : [(string)primary!]).Select(k => header.IndexOf(k)).ToList();
            foreach (var duplicate in rows.GroupBy(row => string.Join("\u0001", key.Select(k => row[k]))).Where(g => g.Count() > 1))
                problems.Add($"{name}: primary key {duplicate.Key} is not unique");
        }
        foreach (var resource in descriptor["resources"]!.AsArray().Select(r => r!.AsObject()))
        {
            foreach (var foreign in resource["schema"]!["foreignKeys"]?.AsArray() ?? [])
            {
                var (header, rows) = tables[(string)resource["name"]!];
                var field = header.IndexOf((string)foreign!["fields"]![0]!);
                var target = tables[(string)foreign["reference"]!["resource"]!];
                var targetField = target.Header.IndexOf((string)foreign["reference"]!["fields"]![0]!);
                var known = target.Rows.Select(row => row[targetField]).ToHashSet(StringComparer.Ordinal);
                foreach (var row in rows.Where(row => !known.Contains(row[field])))
                    problems.Add($"{resource["name"]}: {row[field]} names no row of {foreign["reference"]!["resource"]}");
            }
        }
        return problems;
    }

    private static bool Parses(string type, string? format, string value) => type switch
    {
        "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _),
        "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "datetime" => DateTimePattern().IsMatch(value),
        "string" when format == "uuid" => Guid.TryParseExact(value, "D", out _),
        "string" when format == "email" => value.Contains('@', StringComparison.Ordinal),
        "array" => IsJsonArray(value),
        "string" when format == "uri" => Uri.TryCreate(value, UriKind.Absolute, out _),
        "string" => true,
        _ => false,
    };

    /// One table against a Table Schema file of its own (a standard published as a schema alone).
    public static IReadOnlyList<string> Problems(JsonObject schema, string name, string csv) =>
        Problems(new JsonObject
        {
            ["resources"] = new JsonArray(new JsonObject { ["name"] = name, ["path"] = name + ".csv", ["schema"] = schema.DeepClone() }),
        }, new Dictionary<string, string> { [name + ".csv"] = csv });

    private static bool IsJsonArray(string value)
    {
        try
        {
            return JsonNode.Parse(value) is JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// RFC 4180 as the standard's default dialect: comma, double quotes doubled, CRLF.
    public static List<List<string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
                cell.Append(ch);
        }
        if (cell.Length > 0 || record.Count > 0)
        {
            record.Add(cell.ToString());
            records.Add(record);
        }
        return records;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();
}
