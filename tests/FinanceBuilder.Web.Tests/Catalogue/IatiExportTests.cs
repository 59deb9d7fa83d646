using System.Net;
using System.Xml.Linq;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// The catalogue as IATI 2.03 XML, each action and the whole catalogue: valid against IATI's
/// schema with no error or warning, its codes in IATI's lists, the climate markers and results
/// as the actions say, narratives in each language, withdrawn actions gone.
public sealed class IatiExportTests : IClassFixture<CatalogueApp>, IDisposable
{
    private readonly AppFactory app;
    private readonly HttpClient reader;

    public IatiExportTests(CatalogueApp shared)
    {
        app = shared.App;
        reader = app.CreateBrowserClient();
    }

    public void Dispose() => reader.Dispose();

    [Fact]
    public async Task TheCatalogue_IsValidIati_WithMarkersResultsAndBothLanguages()
    {
        var solar = app.PublishDirectly(Solar(), "Tamale Metropolitan Assembly");
        var drainage = app.PublishDirectly(Drainage(), "Tamale Metropolitan Assembly");
        var withdrawn = app.PublishDirectly(Drainage(), "Tamale Metropolitan Assembly", withdrawn: true);

        var response = await reader.GetAsync("/open-data/iati.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Empty(IatiSchema.Problems(xml));
        var activities = XDocument.Parse(xml).Root!.Elements("iati-activity").ToList();
        // The class's other tests publish in the same app: these two are there, the withdrawn one is not.
        Assert.DoesNotContain(activities, x => x.Element("iati-identifier")!.Value.EndsWith(withdrawn.ToString("N"), StringComparison.Ordinal));

        var a = activities.Single(x => x.Element("iati-identifier")!.Value.EndsWith(solar.ToString("N"), StringComparison.Ordinal));
        Assert.Equal(["6:2", "7:0"], Markers(a));
        Assert.Equal("Éclairage public solaire", a.Element("title")!.Elements("narrative").Single(n => (string?)n.Attribute(XNamespace.Xml + "lang") == "fr").Value);
        var indicator = a.Element("result")!.Element("indicator")!;
        Assert.Equal("GCF-IRMF-CORE-1", (string)indicator.Element("reference")!.Attribute("code")!);
        Assert.Equal("1770", (string)indicator.Element("period")!.Element("target")!.Attribute("value")!);
        Assert.Equal("FP999", (string)a.Element("other-identifier")!.Attribute("ref")!);
        Assert.Equal(["Green Climate Fund", "Tamale Metropolitan Assembly"], a.Elements("participating-org").Select(o => o.Element("narrative")!.Value));

        var b = activities.Single(x => x.Element("iati-identifier")!.Value.EndsWith(drainage.ToString("N"), StringComparison.Ordinal));
        Assert.Equal(["6:1", "7:2"], Markers(b));
        Assert.Equal("fr", (string)b.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal("5", (string)b.Element("activity-status")!.Attribute("code")!);

        // Every code is in IATI's lists, and no sector is a withdrawn one.
        var sectors = IatiSchema.ActiveCodes("Sector");
        Assert.All(activities.SelectMany(x => x.Elements("sector")), s => Assert.Contains((string)s.Attribute("code")!, sectors));
        var statuses = IatiSchema.ActiveCodes("ActivityStatus");
        Assert.All(activities, x => Assert.Contains((string)x.Element("activity-status")!.Attribute("code")!, statuses));
    }

    [Fact]
    public async Task OneAction_IsItsOwnValidFile_WithValidators_AndGoneOnceWithdrawn()
    {
        var id = app.PublishDirectly(Solar(), "Tamale Metropolitan Assembly");

        var response = await reader.GetAsync($"/actions/{id}/iati.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(IatiSchema.Problems(await response.Content.ReadAsStringAsync()));
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/actions/{id}/iati.xml");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);

        app.WithdrawDirectly(id);
        Assert.Equal(HttpStatusCode.Gone, (await reader.GetAsync($"/actions/{id}/iati.xml")).StatusCode);
        Assert.DoesNotContain(id.ToString("N"), await reader.GetStringAsync("/open-data/iati.xml"), StringComparison.Ordinal);
    }

    /// The check can fail: the same file without its identifier is refused by the schema.
    [Fact]
    public async Task TheSchemaCheck_RefusesAnActivityWithoutItsIdentifier()
    {
        var id = app.PublishDirectly(Solar(), "Tamale Metropolitan Assembly");
        var document = XDocument.Parse(await reader.GetStringAsync($"/actions/{id}/iati.xml"));
        document.Descendants("iati-identifier").Single().Remove();

        Assert.NotEmpty(IatiSchema.Problems(document.ToString()));
    }

    private static string[] Markers(XElement activity) =>
        activity.Elements("policy-marker").Select(m => $"{(string)m.Attribute("code")!}:{(string)m.Attribute("significance")!}").ToArray();

    private static CatalogueAction Solar() => new()
    {
        Language = Language.En,
        Title = "Solar public lighting",
        Summary = "LED street lights on solar power in Tamale's markets.",
        Translation = new ActionTranslation { Language = Language.Fr, Title = "Éclairage public solaire", Summary = "Des lampadaires LED solaires dans les marchés de Tamale." },
        CountryCode = "GH",
        AdministrativeArea = "Northern Region",
        Communes = [new ActionCommune { Name = "Tamale", Code = "GH-NP-TM" }],
        Focus = [ActionFocus.Mitigation],
        ResultAreas = [ResultArea.M1, ResultArea.M3],
        Sectors = [EconomicSector.Energy, EconomicSector.BuildingsAndCities],
        Status = ActionStatus.FinancingSought,
        TotalCost = new Money { Amount = 13_025_000m, Currency = "USD" },
        Funding = [new ActionFunding { Source = "Green Climate Fund", Instrument = FinancialInstrument.Grant, Amount = new Money { Amount = 4_001_000m, Currency = "USD" } }],
        Results = [new ActionResult { Indicator = "Annual GHG emissions reduced", Unit = "tCO2e per year", IrmfCore = IrmfCore.Core1, Baseline = 0, BaselineYear = 2025, Target = 1770, TargetYear = 2031 }],
        PlannedStart = new DateOnly(2027, 3, 31),
        PlannedEnd = new DateOnly(2032, 3, 31),
        ContactRole = "Energy Management Unit",
        GcfReference = "FP999",
    };

    private static CatalogueAction Drainage() => new()
    {
        Language = Language.Fr,
        Title = "Drainage pluvial des quartiers bas",
        Summary = "Des caniveaux et des bassins contre les inondations.",
        CountryCode = "BJ",
        Focus = [ActionFocus.Adaptation, ActionFocus.Mitigation],
        ResultAreas = [ResultArea.A1, ResultArea.A3, ResultArea.M3],
        Hazards = [HazardType.FloodPluvial],
        Status = ActionStatus.Abandoned,
        Results = [new ActionResult { Indicator = "Ménages protégés" }],
    };
}
