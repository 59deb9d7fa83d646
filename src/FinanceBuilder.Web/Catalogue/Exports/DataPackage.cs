using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Catalogue.Model;

namespace FinanceBuilder.Web.Catalogue.Exports;

/// The catalogue as a Frictionless Data Package (v2): datapackage.json describing three CSV tables
/// — actions, funding, indicators — each with its Table Schema, keys and links (docs/catalogue.md).
/// CSV as the standard's defaults read it with no dialect: UTF-8 without BOM, comma, double
/// quotes doubled, CRLF, a header row; dates YYYY-MM-DD, times UTC with Z, decimal point, no
/// thousands separator. Lists in one cell are joined by ";" (the 2.0 profile has no list type).
public static class DataPackage
{
    public sealed record Field(string Name, string Type, bool Required = false, string? Format = null, string? Description = null);

    /// A link from this table's field to a key of another table of the package.
    public sealed record ForeignKey(string Field, string Resource, string TargetField);

    public sealed record Table(string Name, string Title, IReadOnlyList<Field> Fields, string[] PrimaryKey, params ForeignKey[] ForeignKeys);

    private static readonly ForeignKey ToActions = new("action_id", "actions", "id");

    public static readonly Table Actions = new("actions", "Published climate actions",
    [
        new("id", "string", true, "uuid"),
        new("iati_identifier", "string", true),
        new("title", "string", true),
        new("summary", "string"),
        new("language", "string", true),
        new("title_other_language", "string"),
        new("summary_other_language", "string"),
        new("publisher", "string", true),
        new("country", "string"),
        new("administrative_area", "string"),
        new("communes", "string", Description: "name|code;name|code"),
        new("focus", "string", Description: "Mitigation;Adaptation;NaturalResources"),
        new("result_areas", "string", Description: "GCF result areas M1…M4, A1…A4"),
        new("hazards", "string"),
        new("sectors", "string", Description: "OECD DAC purpose codes"),
        new("status", "string", true),
        new("iati_activity_status", "integer", true),
        new("marker_mitigation", "integer", true),
        new("marker_adaptation", "integer", true),
        new("currency", "string"),
        new("total_cost", "number"),
        new("total_cost_usd", "number"),
        new("participation", "string"),
        new("planned_start", "date"),
        new("planned_end", "date"),
        new("actual_start", "date"),
        new("actual_end", "date"),
        new("contact", "string"),
        new("gcf_reference", "string"),
        new("funded_project_url", "string", Format: "uri"),
        new("licence", "string", true),
        new("revision", "integer", true),
        new("first_published", "datetime", true),
        new("updated", "datetime", true),
        new("page_url", "string", true, "uri"),
    ], ["id"]);

    public static readonly Table Funding = new("funding", "Funding sources of the actions",
    [
        new("action_id", "string", true, "uuid"),
        new("position", "integer", true),
        new("source", "string"),
        new("instrument", "string"),
        new("amount", "number"),
        new("currency", "string"),
        new("state", "string", true, Description: "Sought or Obtained"),
    ], ["action_id", "position"], ToActions);

    public static readonly Table Indicators = new("indicators", "Expected results and their indicators",
    [
        new("action_id", "string", true, "uuid"),
        new("position", "integer", true),
        new("indicator", "string"),
        new("unit", "string"),
        new("reference", "string", Description: "GCF-IRMF-CORE-1 … 8 for the GCF's core indicators"),
        new("baseline", "number"),
        new("baseline_year", "integer"),
        new("target", "number"),
        new("target_year", "integer"),
    ], ["action_id", "position"], ToActions);

    public static readonly IReadOnlyList<Table> Tables = [Actions, Funding, Indicators];

    /// datapackage.json: the tables with their schemas, and the licences the publishers chose.
    public static string Descriptor(string baseUrl, DateTime updated, IReadOnlyCollection<DataLicence> licences) =>
        Package("financebuilder-climate-actions", "Local climate actions",
            "Climate actions published by local governments in FinanceBuilder's public catalogue.", baseUrl + "/actions", updated,
            licences.Order().Select(l => Licence(l == DataLicence.LicenceOuverte20 ? "etalab-2.0" : "CC-BY-4.0")), Tables);

    /// A package descriptor of <paramref name="tables"/>, each at its name + ".csv" beside it.
    public static string Package(string name, string title, string description, string homepage, DateTime updated, IEnumerable<JsonObject> licences, IEnumerable<Table> tables)
    {
        var package = new JsonObject
        {
            ["$schema"] = "https://datapackage.org/profiles/2.0/datapackage.json",
            ["name"] = name,
            ["title"] = title,
            ["description"] = description,
            ["homepage"] = homepage,
            ["version"] = Iso(updated),
            ["created"] = Iso(updated),
            ["licenses"] = new JsonArray(licences.Select(l => (JsonNode)l).ToArray()),
            ["resources"] = new JsonArray(tables.Select(t => (JsonNode)Resource(t)).ToArray()),
        };
        return package.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonObject Resource(Table table)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray(table.Fields.Select(f =>
            {
                var field = new JsonObject { ["name"] = f.Name, ["type"] = f.Type };
                if (f.Format is not null)
                    field["format"] = f.Format;
                if (f.Description is not null)
                    field["description"] = f.Description;
                if (f.Required)
                    field["constraints"] = new JsonObject { ["required"] = true };
                return (JsonNode)field;
            }).ToArray()),
            ["primaryKey"] = new JsonArray(table.PrimaryKey.Select(k => (JsonNode)k).ToArray()),
        };
        if (table.ForeignKeys.Length > 0)
            schema["foreignKeys"] = new JsonArray(table.ForeignKeys.Select(k => (JsonNode)new JsonObject
            {
                ["fields"] = new JsonArray(k.Field),
                ["reference"] = new JsonObject { ["resource"] = k.Resource, ["fields"] = new JsonArray(k.TargetField) },
            }).ToArray());
        return new JsonObject
        {
            ["name"] = table.Name,
            ["title"] = table.Title,
            ["path"] = table.Name + ".csv",
            ["type"] = "table",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["schema"] = schema,
        };
    }

    /// A licence by its SPDX name, as a package's "licenses" entry.
    public static JsonObject Licence(string spdx) => spdx switch
    {
        "etalab-2.0" => new JsonObject { ["name"] = "etalab-2.0", ["path"] = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", ["title"] = "Licence Ouverte 2.0" },
        "CC0-1.0" => new JsonObject { ["name"] = "CC0-1.0", ["path"] = "https://creativecommons.org/publicdomain/zero/1.0/", ["title"] = "Creative Commons Zero 1.0" },
        "ODbL-1.0" => new JsonObject { ["name"] = "ODbL-1.0", ["path"] = "https://opendatacommons.org/licenses/odbl/1-0/", ["title"] = "Open Data Commons Open Database License 1.0" },
        _ => new JsonObject { ["name"] = "CC-BY-4.0", ["path"] = "https://creativecommons.org/licenses/by/4.0/", ["title"] = "Creative Commons Attribution 4.0" },
    };

    public static string Header(Table table) => Line(table.Fields.Select(f => f.Name));

    /// The rows an action gives in <paramref name="table"/>: one in actions, one per source or result.
    public static IEnumerable<string> Rows(Table table, PublishedEntry entry)
    {
        var a = entry.Action;
        var id = entry.Id.ToString();
        if (table == Actions)
        {
            var (mitigation, adaptation) = IatiActivities.Markers(a);
            yield return Line(
            [
                id, IatiActivities.ActivityIdentifier(entry), a.Title, a.Summary, Code(a.Language),
                a.Translation?.Title, a.Translation?.Summary, entry.Publisher, a.CountryCode, a.AdministrativeArea,
                string.Join(';', a.Communes.Select(c => c.Code is null ? c.Name : $"{c.Name}|{c.Code}")),
                string.Join(';', a.Focus), string.Join(';', a.ResultAreas), string.Join(';', a.Hazards),
                string.Join(';', a.Sectors.Select(IatiActivities.DacSector).Distinct()),
                a.Status.ToString(), IatiActivities.Status(a.Status), Int(mitigation), Int(adaptation),
                a.TotalCost?.Currency, Number(a.TotalCost?.Amount), Number(a.CostInUsd()),
                a.Participation?.ToString(), Date(a.PlannedStart), Date(a.PlannedEnd), Date(a.ActualStart), Date(a.ActualEnd),
                a.ContactRole, a.GcfReference, a.FundedProjectUrl, a.Licence.ToString(), Int(entry.Revision),
                Iso(entry.FirstPublishedAt), Iso(entry.UpdatedAt), entry.PageUrl,
            ]);
        }
        else if (table == Funding)
        {
            for (var i = 0; i < a.Funding.Count; i++)
            {
                var f = a.Funding[i];
                yield return Line([id, Int(i + 1), f.Source, f.Instrument?.ToString(), Number(f.Amount?.Amount), f.Amount?.Currency, f.State.ToString()]);
            }
        }
        else
        {
            for (var i = 0; i < a.Results.Count; i++)
            {
                var r = a.Results[i];
                yield return Line([id, Int(i + 1), r.Indicator, r.Unit, r.IrmfCore is { } core ? "GCF-IRMF-CORE-" + Int((int)core + 1) : null,
                    Number(r.Baseline), r.BaselineYear is { } by ? Int(by) : null, Number(r.Target), r.TargetYear is { } ty ? Int(ty) : null]);
            }
        }
    }

    /// One CSV record with its CRLF: a value holding a comma, a quote or a line break is quoted,
    /// its quotes doubled; a missing value is empty.
    public static string Line(IEnumerable<string?> values)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
                line.Append(',');
            first = false;
            if (string.IsNullOrEmpty(value))
                continue;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else
                line.Append(value);
        }
        return line.Append("\r\n").ToString();
    }

    private static string Code(Proposals.Model.Language language) => language.ToString().ToLowerInvariant();

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTime utc) => IatiActivities.Stamp(utc);
}
