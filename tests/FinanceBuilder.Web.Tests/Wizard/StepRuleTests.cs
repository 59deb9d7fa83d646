using System.Globalization;
using System.Net;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The steps' FluentValidation rules, run when a page is saved (style §6): one refused and,
/// where it helps, one accepted answer per rule (style §14).
public sealed class StepRuleTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public StepRuleTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    public static TheoryData<string, string[], string?, string?> Cases => new()
    {
        // step, answers ("field=value"; a repeated field posts several values), error path, message key (null: saved)
        { "dates", ["basics.implementationStart=2027-06-01", "basics.implementationEnd=2027-01-31"], "basics.implementationEnd", "Check.EndBeforeStart" },
        { "dates", ["basics.implementationStart=2027-06-01", "basics.implementationEnd=2027-06-01"], "basics.implementationEnd", "Check.EndBeforeStart" },
        { "dates", ["basics.implementationStart=2027-06-01", "basics.implementationEnd=2032-05-31"], null, null },
        { "dates", ["basics.implementationMonths=0"], "basics.implementationMonths", "Check.Months" },
        { "dates", ["basics.lifespanYears=101"], "basics.lifespanYears", "Check.Lifespan" },
        { "dates", ["basics.firstSubmissionDate=2026-06-01", "basics.currentSubmissionDate=2026-05-01"], "basics.currentSubmissionDate", "Check.CurrentBeforeFirst" },
        { "components", ["components[0].outputs[0].activities[0].start=2028-01-01", "components[0].outputs[0].activities[0].end=2027-12-31"], "components[0].outputs[0].activities[0].end", "Check.EndBeforeStart" },
        { "applicant", ["applicant.proponent.contact.email=planning.tamale.gov.gh"], "applicant.proponent.contact.email", "Check.Email" },
        { "applicant", ["applicant.proponent.contact.email=planning@tamale.gov.gh"], null, null },
        // The same country chosen twice is kept once (the binder reads the choices as a set).
        { "location", ["basics.countries=GH", "basics.countries=GH", "basics.countries=TG"], null, null },
        { "location", ["basics.locations[0].longitude="], "basics.locations[0].longitude", "Check.BothCoordinates" },
        { "result-areas", ["basics.resultAreas[1].area=M1"], "basics.resultAreas", "Check.DuplicateArea" },
        { "result-areas", ["basics.resultAreas[1].sharePercent=42"], "basics.resultAreas", "Check.SharesOver100" },
        { "partners", ["applicant.executingEntities[0].budgetSharePercent=90"], "applicant.executingEntities", "Check.SharesOver100" },
        { "partners", ["applicant.nationalDesignatedAuthorities[0].noObjectionLetter.election=3"], "applicant.nationalDesignatedAuthorities[0].noObjectionLetter.election", "Check.Election" },
        { "financing", ["financing.exchangeRates[0].rate=0"], "financing.exchangeRates[0].rate", "Check.RatePositive" },
        { "financing", ["financing.exchangeRates[0].to=GHS"], "financing.exchangeRates[0].to", "Check.SameCurrency" },
        { "financing", ["financing.coFinancing[1].id=afd-loan"], "financing.coFinancing", "Check.DuplicateId" },
        { "mitigation", ["mitigationMeasures[1].id=mm-01"], "mitigationMeasures", "Check.DuplicateId" },
        { "outcomes", ["results.outcomes[2].id=O1"], "results.outcomes", "Check.DuplicateId" },
        { "indicators", ["results.indicators[1].code=C1.1"], "results.indicators", "Check.DuplicateId" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_StepRule_RefusesOrSaves(string step, string[] answers, string? errorPath, string? key)
    {
        var id = await browser.SeedSampleAsync(Sample);
        var before = await browser.StoredDocumentAsync(id);

        var response = await browser.SubmitStepAsync(id, step, "continue", form =>
        {
            foreach (var group in answers.Select(a => a.Split('=', 2)).GroupBy(a => a[0]))
                form.Change(group.Key, group.Select(a => a[1]).ToArray());
        });

        if (key is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Refused: {(await WizardPage.ReadAsync(response)).Find(".error-summary")?.TextContent}");
            var (version, proposal) = await browser.StoredAsync(id);
            Assert.Equal(2, version);
            if (step == "location")
                Assert.Equal(["GH", "TG"], proposal.Basics.Countries.Select(c => c.Code));
            return;
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        var message = FieldValidationTests.MessagePattern(key, CultureInfo.GetCultureInfo("en"));
        var target = "#" + ModelPath.HtmlId(errorPath!);
        var link = page.Document.QuerySelectorAll(".error-summary a").SingleOrDefault(a => a.GetAttribute("href") == target);
        Assert.True(link is not null, $"The error summary does not link to {target}: {page.Find(".error-summary")?.TextContent.Trim()}");
        Assert.Matches(message, link.TextContent);
        Assert.DoesNotContain("Field.", link.TextContent, StringComparison.Ordinal);
        Assert.True(page.Find(target) is not null, $"The error summary links to {target}, which is not on the page.");
        Assert.Contains(page.Document.QuerySelectorAll(".error-message"), m => message.IsMatch(m.TextContent));
        Assert.Equal(1, await browser.StoredVersionAsync(id));
        Assert.Equal(before, await browser.StoredDocumentAsync(id));
    }
}
