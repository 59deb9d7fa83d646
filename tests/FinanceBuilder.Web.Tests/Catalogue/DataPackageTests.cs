using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using Json.Schema;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The catalogue as a Frictionless Data Package: the descriptor valid against the Data Package
/// 2.0 profile, every table's rows valid against its Table Schema (types, required values, keys,
/// links), a value with commas, quotes and line breaks read back as written.
public sealed class DataPackageTests : IClassFixture<CatalogueApp>, IDisposable
{
    private static readonly Lazy<JsonSchema> Profile = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Standards", "frictionless-2.0", "datapackage.json"))));

    private readonly AppFactory app;
    private readonly HttpClient reader;

    public DataPackageTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task TheDataPackage_IsValid_AndHoldsWhatWasPublished()
    {
        var tricky = "Drains, \"caniveaux\" and basins,\nagainst floods";
        var id = app.PublishDirectly(new CatalogueAction
        {
            Language = Language.Fr,
            Title = "Drainage pluvial",
            Summary = tricky,
            CountryCode = "BJ",
            Communes = [new ActionCommune { Name = "Cotonou", Code = "0801" }],
            Focus = [ActionFocus.Adaptation],
            TotalCost = new Money { Amount = 12_500_000.5m, Currency = "XOF" },
            TotalCostUsd = 20_800m,
            Funding = [new ActionFunding { Source = "Green Climate Fund", Amount = new Money { Amount = 10_000_000m, Currency = "XOF" } }, new ActionFunding { Source = "Commune", State = FundingState.Obtained }],
            Results = [new ActionResult { Indicator = "Households protected", Target = 4000, TargetYear = 2030, IrmfCore = IrmfCore.Core2 }],
            PlannedStart = new DateOnly(2027, 1, 1),
            Licence = DataLicence.LicenceOuverte20,
        });
        app.PublishDirectly(new CatalogueAction { Title = "Withdrawn", Summary = "x", CountryCode = "SN" }, "Commune de Cotonou", withdrawn: true);

        var descriptorText = await reader.GetStringAsync("/open-data/datapackage.json");
        var descriptor = JsonNode.Parse(descriptorText)!.AsObject();
        using (var document = JsonDocument.Parse(descriptorText))
        {
            var result = Profile.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
        Assert.Contains("etalab-2.0", descriptorText, StringComparison.Ordinal);

        var files = new Dictionary<string, string>();
        foreach (var resource in descriptor["resources"]!.AsArray())
        {
            var path = (string)resource!["path"]!;
            var response = await reader.GetAsync("/open-data/" + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, "no byte-order mark");
            files[path] = System.Text.Encoding.UTF8.GetString(bytes);
        }
        Assert.Empty(TableCheck.Problems(descriptor, files));

        var actions = TableCheck.Csv(files["actions.csv"]);
        var header = actions[0];
        var row = actions.Single(r => r[0] == id.ToString());
        Assert.Equal(tricky, row[header.IndexOf("summary")]);
        Assert.Equal("12500000.5", row[header.IndexOf("total_cost")]);
        Assert.Equal("Cotonou|0801", row[header.IndexOf("communes")]);
        Assert.Equal("2027-01-01", row[header.IndexOf("planned_start")]);
        Assert.DoesNotContain(actions, r => r.Contains("Withdrawn"));
        var funding = TableCheck.Csv(files["funding.csv"]).Where(r => r[0] == id.ToString()).ToList();
        Assert.Equal(2, funding.Count);
        Assert.Contains(TableCheck.Csv(files["indicators.csv"]), r => r[0] == id.ToString() && r.Contains("GCF-IRMF-CORE-2"));
    }

    /// The checker can fail: a date written another way, a missing required value and a dangling
    /// link are each reported.
    [Fact]
    public async Task TheRowCheck_ReportsBadDatesMissingValuesAndDanglingLinks()
    {
        app.PublishDirectly(new CatalogueAction { Title = "Checked", Summary = "x", CountryCode = "SN", PlannedStart = new DateOnly(2027, 1, 1), Funding = [new ActionFunding { Source = "A" }] });
        var descriptor = JsonNode.Parse(await reader.GetStringAsync("/open-data/datapackage.json"))!.AsObject();
        var files = new Dictionary<string, string>();
        foreach (var path in new[] { "actions.csv", "funding.csv", "indicators.csv" })
            files[path] = await reader.GetStringAsync("/open-data/" + path);
        files["actions.csv"] = files["actions.csv"].Replace(",2027-01-01,", ",01/01/2027,", StringComparison.Ordinal);
        files["funding.csv"] += DataPackageLine(Guid.NewGuid().ToString(), "1", "", "", "", "", "");

        var problems = TableCheck.Problems(descriptor, files);

        Assert.Contains(problems, p => p.Contains("planned_start \"01/01/2027\" is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("state is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("names no row of actions", StringComparison.Ordinal));
    }

    private static string DataPackageLine(params string[] values) => Web.Catalogue.Exports.DataPackage.Line(values);
}
