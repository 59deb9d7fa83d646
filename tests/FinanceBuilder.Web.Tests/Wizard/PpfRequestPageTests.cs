using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The PPF request page saves what it shows, without JavaScript, and refuses an activity that
/// ends before it starts with a message in the user's language, saving nothing.
public sealed class PpfRequestPageTests : IDisposable
{
    private const string Sample = "ppf-saint-louis-coastal-fr.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser french;

    public PpfRequestPageTests() => french = new WizardBrowser(app, "fr");

    public void Dispose()
    {
        french.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Save_ChangesTheActivity_AndThePageShowsIt()
    {
        var id = await french.SeedSampleAsync(Sample);

        var response = await french.SubmitStepAsync(id, "ppf-request", "save", f => f
            .Change("ppf.preparationMonths", "20")
            .Change("ppf.activities[5].deliverable", "Dossiers d’appel d’offres des lots 1, 2 et 3")
            .Change("ppf.activities[5].cost.amount", "55 000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, proposal) = await french.StoredAsync(id);
        Assert.Equal(20, proposal.Ppf.PreparationMonths);
        Assert.Equal("Dossiers d’appel d’offres des lots 1, 2 et 3", proposal.Ppf.Activities[5].Deliverable);
        Assert.Equal(55_000m, proposal.Ppf.Activities[5].Cost!.Amount);
        var page = await french.OpenAsync(Urls.Step(id, "ppf-request"));
        Assert.Equal("Dossiers d’appel d’offres des lots 1, 2 et 3", page.StepForm()["ppf.activities[5].deliverable"]);
        // The activities now cost 5,000 more than the request: R-035 says so on this page.
        Assert.Contains("R-035", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityEndingBeforeItStarts_IsRefused_InFrench_AndNothingIsSaved()
    {
        var id = await french.SeedSampleAsync(Sample);
        var before = await french.StoredDocumentAsync(id);

        var response = await french.SubmitStepAsync(id, "ppf-request", "save", f => f
            .Change("ppf.activities[0].start", "2027-12-01")
            .Change("ppf.activities[0].end", "2027-03-01"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("La date de fin doit être postérieure à la date de début.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(before, await french.StoredDocumentAsync(id));
    }
}
