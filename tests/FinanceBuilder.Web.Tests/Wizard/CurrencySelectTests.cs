using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Every currency question is a choice among the ISO 4217 codes, named in the reader's language.
public sealed class CurrencySelectTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Get_ReportingCurrencyAndAmounts_AreChoicesOfNamedCodes_InFrench()
    {
        using var browser = new WizardBrowser(app, "fr");
        var id = await browser.SeedSampleAsync("adaptation-cotonou-drainage-fr.json");

        var budget = await browser.OpenAsync(Urls.Step(id, "budget"));
        var reporting = budget.Get("select[name='budget.reportingCurrency']");
        Assert.Equal(179, reporting.QuerySelectorAll("option[value]").Count(o => o.GetAttribute("value") != ""));
        Assert.Equal("XOF — Franc CFA (BCEAO)", reporting.QuerySelector("option[value='XOF']")!.TextContent);
        Assert.Equal("USD", reporting.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.NotNull(budget.Get("label[for='f-budget-reportingCurrency']"));

        var applicant = await browser.OpenAsync(Urls.Step(id, "applicant"));
        Assert.NotNull(applicant.Get("select[name='applicant.proponent.annualBudget.currency'] option[value='XOF']"));
    }

    [Fact]
    public async Task Post_AChosenCode_IsSaved_AndACodeOutsideTheList_IsRefused()
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var saved = await browser.SubmitStepAsync(id, "budget", "save", f => f.Set("budget.reportingCurrency", "GHS"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("GHS", (await browser.StoredAsync(id)).Proposal.Budget.ReportingCurrency);

        var refused = await browser.SubmitStepAsync(id, "budget", "save", f => f.Set("budget.reportingCurrency", "XTS"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("XTS", (await WizardPage.ReadAsync(refused)).Get(".error-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("GHS", (await browser.StoredAsync(id)).Proposal.Budget.ReportingCurrency);
    }
}
