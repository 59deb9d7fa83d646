using System.Text.Json.Nodes;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The projets-territoire CSV: French actions only, every row valid against the French State's
/// schema (types, patterns, enums, required values, key), the French text where there is one,
/// and the civil servant's columns empty.
public sealed class ProjetsTerritoireTests : IClassFixture<CatalogueApp>, IDisposable
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Standards", "projets-territoire", "schema.json")))!.AsObject();

    private readonly AppFactory app;
    private readonly HttpClient reader;

    public ProjetsTerritoireTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task FrenchActions_AreValidRows_OfTheStatesSchema()
    {
        var lyon = app.PublishDirectly(new CatalogueAction
        {
            Language = Language.En,
            Title = "Cool schoolyards",
            Summary = "Greening 12 schoolyards.",
            Translation = new ActionTranslation { Language = Language.Fr, Title = "Cours d'école oasis", Summary = "Végétaliser 12 cours d'école, \"îlots de fraîcheur\"." },
            CountryCode = "FR",
            Status = ActionStatus.Paused,
            TotalCost = new Money { Amount = 450_000.6m, Currency = "EUR" },
            PlannedStart = new DateOnly(2026, 9, 1),
        });
        var dakar = app.PublishDirectly(new CatalogueAction { Language = Language.Fr, Title = "Drainage à Dakar", Summary = "x", CountryCode = "SN" });

        var csv = await reader.GetStringAsync("/open-data/projets-territoire.csv");

        Assert.Empty(TableCheck.Problems(Schema, "projets-territoire", csv));
        var rows = TableCheck.Csv(csv);
        var header = rows[0];
        var row = rows.Single(r => r[0] == lyon.ToString());
        Assert.Equal("Cours d'école oasis", row[header.IndexOf("nom")]);
        Assert.Equal("450001", row[header.IndexOf("budgetPrevisionnel")]);
        Assert.Equal(["Étude", "En pause"], new[] { row[header.IndexOf("phase")], row[header.IndexOf("phaseStatut")] });
        Assert.All(header.Where(h => h.StartsWith("porteurReferent", StringComparison.Ordinal)), h => Assert.Equal("", row[header.IndexOf(h)]));
        Assert.DoesNotContain(rows, r => r[0] == dakar.ToString());
    }

    /// The check can fail: a phase outside the schema's list and a date-time without its zone are reported.
    [Fact]
    public void TheSchemaCheck_ReportsAPhaseOutsideItsListAndABadDateTime()
    {
        var csv = Web.Catalogue.Exports.ProjetsTerritoire.Header()
            + Web.Catalogue.Exports.DataPackage.Line([Guid.NewGuid().ToString(), "2026-01-01 10:00", "2026-01-01T10:00:00Z", "Nom", null, null, null, "Travaux", "En cours", null, null, null, null, null, null, null, null, null, null, null, null, null]);

        var problems = TableCheck.Problems(Schema, "projets-territoire", csv);

        Assert.Contains(problems, p => p.Contains("phase \"Travaux\" is not one of its values", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("createdAt \"2026-01-01 10:00\" does not match", StringComparison.Ordinal));
    }
}
