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
}
