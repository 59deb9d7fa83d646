using System.Net;
using FinanceBuilder.Web.Tests.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Participation;

/// The catalogue's action page shows the proposal's consultation only when the organisation chose
/// so on its public page: the summary for residents, the counts (people from five up) and the way
/// to the public page. Without that choice nothing of it is published.
public sealed class CatalogueConsultationTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public CatalogueConsultationTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheActionPage_ShowsTheConsultation_OnlyWithTheOrganisationsConsent(bool shown)
    {
        var (id, page) = await officer.OpenedAsync(form =>
        {
            if (shown)
                form.Set("Form.ShowInCatalogue", "true");
        });
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations", "consultation", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "Workshop").Set("Form.Level", "Concertation").Set("Form.Place", "Town hall")
            .Set("Form.Women", "3").Set("Form.Men", "0"))).StatusCode);
        var action = await officer.NewActionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PublishActionAsync(action)).StatusCode);

        using var reader = app.CreateBrowserClient();
        var text = WizardBrowser.Parse(await reader.GetStringAsync($"/actions/{action}")).Body!.TextContent;
        if (shown)
        {
            Assert.Contains("Consultation of residents", text, StringComparison.Ordinal);
            Assert.Contains("Traders will pay less for light.", text, StringComparison.Ordinal);
            Assert.Contains("Consultations held: 1.", text, StringComparison.Ordinal);
            // Three people: too few to be counted in public.
            Assert.DoesNotContain("People who took part", text, StringComparison.Ordinal);
            Assert.Contains($"/consult/{page}", await reader.GetStringAsync($"/actions/{action}"), StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("Consultation of residents", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Traders will pay less", text, StringComparison.Ordinal);
        }
    }

    private async Task RecordAsync(Guid id, string heldOn, string level) =>
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations", "consultation", f => f
            .Set("Form.HeldOn", heldOn).Set("Form.Method", "Workshop").Set("Form.Level", level).Set("Form.Place", "Town hall")
            .Set("Form.Women", "12").Set("Form.Men", "9"))).StatusCode);

    private async Task<string?> PublicLevelAsync(Guid action, string? language = null)
    {
        using var reader = app.CreateBrowserClient(language);
        var page = WizardBrowser.Parse(await reader.GetStringAsync($"/actions/{action}"));
        var label = page.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent.Trim() is "Participation of residents" or "Participation des habitants");
        return label?.NextElementSibling?.TextContent.Trim();
    }

    /// The level is the records' highest as of each publication, not of the day the action was
    /// drafted: a concertation held after the first publication reaches the catalogue with the
    /// next one. It is shown whether or not the organisation shows its consultation page.
    [Fact]
    public async Task TheActionPage_ShowsTheRecordsHighestLevel_AsOfEachPublication()
    {
        var (id, _) = await officer.OpenedAsync();
        await RecordAsync(id, "2026-02-14", "Consultation");
        var action = await officer.NewActionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PublishActionAsync(action)).StatusCode);
        Assert.Equal("Consultation", await PublicLevelAsync(action));

        await RecordAsync(id, "2026-03-14", "Concertation");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PublishActionAsync(action)).StatusCode);

        Assert.Equal("Concertation", await PublicLevelAsync(action));
        Assert.Equal("Concertation", await PublicLevelAsync(action, "fr"));
    }
}
