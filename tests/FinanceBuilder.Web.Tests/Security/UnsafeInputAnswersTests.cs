using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FinanceBuilder.Web.Tests.Security;

/// Inputs that used to end in a 500 (issue 19): a return address with characters outside ASCII
/// (signing in, switching language), and a page asked over plain http in Production.
public sealed class UnsafeInputAnswersTests
{
    [Theory]
    [InlineData("/actions?q=énergie", "/actions?q=%C3%A9nergie")]
    [InlineData("/territories/Bénin", "/territories/B%C3%A9nin")]
    [InlineData("/actions?q=水", "/actions?q=%E6%B0%B4")]
    [InlineData("/x?q=\ud83c\udf0d", "/x?q=%F0%9F%8C%8D")]
    public void AReturnAddressOutsideAscii_IsSentPercentEncoded(string given, string sent) =>
        Assert.Equal(sent, LocalUrl.OrHome(given));

    [Fact]
    public async Task SigningInAndSwitchingLanguage_WithSuchAnAddress_Redirect()
    {
        using var app = new AppFactory();
        await app.CreateUserAsync("editor@unsafe.test", AccessScope.WorkspaceOrganisationId);
        using var client = app.CreateBrowserClient();

        var language = await client.GetAsync("/language/fr?returnUrl=" + Uri.EscapeDataString("/actions?q=énergie"));
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/actions?q=%C3%A9nergie", language.Headers.Location!.OriginalString);

        var page = await client.GetStringAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString("/actions?q=énergie"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "editor@unsafe.test",
            ["password"] = TestAccounts.Password,
            ["returnUrl"] = "/actions?q=énergie",
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page),
        });
        var signedIn = await client.PostAsync("/account/sign-in", form);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/actions?q=%C3%A9nergie", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PlainHttpInProduction_SaysHowToReachTheSite_AndTheHealthCheckStillAnswers()
    {
        using var app = new AppFactory();
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var page = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Open https://localhost/account/sign-in instead.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        using var https = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.OK, (await https.GetAsync("/account/sign-in")).StatusCode);
    }
}

/// A form field named like a value of the address (id) never replaces it: the record goes to the
/// proposal the address names.
public sealed class RouteIdTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly Wizard.WizardBrowser browser;

    public RouteIdTests() => browser = new Wizard.WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task AFormFieldNamedId_DoesNotOverrideTheAddress()
    {
        var mine = await browser.SeedSampleAsync(Monitoring.MonitoringKit.Sample);
        var other = await browser.SeedSampleAsync(Monitoring.MonitoringKit.Sample);
        var (_, form) = await Monitoring.MonitoringKit.OpenFormAsync(browser, $"/proposals/{mine}/consultations", "consultation");
        form.Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "Workshop").Set("Form.Level", "Consultation").Set("Form.Place", "Town hall")
            .Set("Form.Women", "12").Set("Form.Men", "9").Set("id", other.ToString());

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{mine}/consultations", form)).StatusCode);

        using var db = app.OpenDb();
        Assert.Equal(mine, (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Consultations)).ProposalId);
    }
}
