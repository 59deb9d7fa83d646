using System.Net;
using System.Text.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using static FinanceBuilder.Web.Tests.Api.ProposalApiTests;

namespace FinanceBuilder.Web.Tests.Api;

public sealed class ValidationApiTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Validation_ReturnsFindingsFiguresAndReadiness_InTheRequestedLanguage()
    {
        using var client = app.CreateApiClient();
        var created = await client.PostAsync("/api/proposals", JsonBody(Samples.Read("adaptation-cotonou-drainage-fr.json")));

        var response = await client.GetAsync($"{created.Headers.Location}/validation?route=sap&lang=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = report.RootElement;
        Assert.Equal("sap", root.GetProperty("route").GetString());
        Assert.True(root.GetProperty("hasErrors").GetBoolean());
        var r015 = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "R-015" && f.GetProperty("paths")[0].GetString() == "$.safeguards.category");
        Assert.Equal("error", r015.GetProperty("severity").GetString());
        Assert.Equal("La procédure SAP n’accepte que la catégorie E&S C ou I-3\u00A0; cette proposition est en B.", r015.GetProperty("message").GetString());
        Assert.Equal(["$.safeguards.category"], r015.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        // Cotonou resettles 171 people and works beside a protected area: outside the SAP too.
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "R-015" && f.GetProperty("message").GetString()!.Contains("quelle que soit sa catégorie", StringComparison.Ordinal));
        Assert.Equal(40_000_000m, root.GetProperty("figures").GetProperty("totalFinancing").GetDecimal());
        Assert.Equal("small", root.GetProperty("figures").GetProperty("sizeCategory").GetString());
        Assert.Equal(6, root.GetProperty("criteria").GetArrayLength());
        Assert.Equal(0, root.GetProperty("figures").GetProperty("emissions").GetArrayLength());
        var acknowledged = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "R-008");
        Assert.StartsWith("Lettre comparée", acknowledged.GetProperty("acknowledged").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_ShowsEachCalculationWithItsInputs()
    {
        using var client = app.CreateApiClient();
        var created = await client.PostAsync("/api/proposals", JsonBody(Samples.Read("mitigation-tamale-solar-led.json")));

        using var report = JsonDocument.Parse(await client.GetStringAsync($"{created.Headers.Location}/validation"));

        var emissions = report.RootElement.GetProperty("figures").GetProperty("emissions").EnumerateArray().ToList();
        Assert.Equal(2, emissions.Count);
        Assert.All(emissions, e => Assert.True(e.GetProperty("complete").GetBoolean()));
        var factor = emissions[0].GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "grid emission factor");
        Assert.False(string.IsNullOrWhiteSpace(factor.GetProperty("source").GetString()));
        var lifetime = report.RootElement.GetProperty("figures").GetProperty("lifetimeTco2e").GetDecimal();
        Assert.Equal(lifetime, emissions.Sum(e => e.GetProperty("lifetimeTco2e").GetDecimal()), 0);
    }

    [Fact]
    public async Task Validation_OfUnknownProposal_Is404_AndUnknownRoute_Is400()
    {
        using var client = app.CreateApiClient();
        var created = await client.PostAsync("/api/proposals", JsonBody("""{"schemaVersion":1}"""));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/proposals/{Guid.NewGuid()}/validation")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{created.Headers.Location}/validation?route=moon")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{created.Headers.Location}/validation?route=2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{created.Headers.Location}/validation")).StatusCode);
    }
}
