using System.IO.Compression;
using FinanceBuilder.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// Issue 18 in a real browser: the officer records a consultation and opens the public page; a
/// resident comments from a phone, without an account; the moderator publishes it; the officer
/// responds, which the resident then reads; the package carries the stakeholder-engagement annex.
/// Every page is checked with axe and photographed.
[Collection("browser")]
public sealed class ParticipationJourneyTests(Browsers browsers)
{
    [Fact]
    public async Task AConsultation_ACommentWithoutAnAccount_Moderated_Answered_AndTheAnnex()
    {
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var officer = new WizardDriver(page, "participation");
        var id = await LiveTruthTests.ImportAsync(page, "mitigation-tamale-solar-led.json");

        // A public meeting, counted.
        await officer.GoAsync($"/proposals/{id}/consultations");
        await page.Locator("#HeldOn").FillAsync("2026-02-14");
        await page.Locator("#Method").SelectOptionAsync("PublicMeeting");
        await page.Locator("#Level").SelectOptionAsync("Consultation");
        await page.Locator("#Place").FillAsync("Lamashegu market hall");
        await page.Locator("#Women").FillAsync("23");
        await page.Locator("#Men").FillAsync("14");
        await page.Locator("#group-Elderly").FillAsync("6");
        await officer.NavigatingAsync(() => page.Locator("form[data-form=consultation] button[type=submit]").ClickAsync());
        await officer.LookAsync("consultations");

        // The public page, with a summary residents read easily.
        await officer.GoAsync($"/proposals/{id}/consultations/public");
        await page.Locator("#SummaryEn").FillAsync("The town will put solar panels on the roofs of three markets. Traders will pay less for light. The work starts next year.");
        await page.Locator("#QuestionsEn").FillAsync("Which market should come first?\nWhat worries you about the works?");
        await officer.NavigatingAsync(() => page.Locator("form[data-form=public-page] button[type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator("[data-reading=en]")).ToContainTextAsync("Residents should read it easily.");
        await officer.LookAsync("public-settings");
        var address = await page.Locator(".notice a[href^='/consult/']").GetAttributeAsync("href");

        // A resident on a phone, no account.
        await using var phone = await browsers.NewContextAsync(width: 360, height: 740, signInAs: null);
        var residentPage = await phone.NewPageAsync();
        var resident = new WizardDriver(residentPage, "participation-resident");
        await resident.GoAsync(address!);
        await resident.LookAsync("public-page");
        await residentPage.Locator("#Question").SelectOptionAsync("0");
        await residentPage.Locator("#Text").FillAsync("Start with Aboabo market: it floods least and its roof is new.");
        await residentPage.Locator("#Consent").CheckAsync();
        await resident.NavigatingAsync(() => residentPage.Locator("form[data-form=comment] button[type=submit]").ClickAsync());
        await Assertions.Expect(residentPage.Locator(".notice[role=status]")).ToContainTextAsync("once a moderator has read it");
        await Assertions.Expect(residentPage.Locator("ol.public-comments")).Not.ToContainTextAsync("Aboabo");
        await resident.LookAsync("received");

        // The moderator publishes; the officer responds.
        await officer.GoAsync($"/proposals/{id}/consultations/moderation");
        await officer.LookAsync("moderation");
        await officer.NavigatingAsync(() => page.Locator("form[data-form=moderation-all] button[formaction*=Publish]").ClickAsync());
        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("Comments published: 1.");
        await officer.GoAsync($"/proposals/{id}/consultations/inputs");
        var response = page.Locator("form[data-form=response]").First;
        await response.Locator("input[value=DesignChanged]").CheckAsync();
        await response.Locator("textarea").FillAsync("Aboabo comes first in the works plan.");
        await response.Locator("select").SelectOptionAsync("timetable");
        await officer.NavigatingAsync(() => response.Locator("button[type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator(".public-response")).ToContainTextAsync("Aboabo comes first in the works plan.");
        await officer.LookAsync("inputs");

        await resident.GoAsync(address!);
        await Assertions.Expect(residentPage.Locator("ol.public-comments")).ToContainTextAsync("Start with Aboabo market");
        await Assertions.Expect(residentPage.Locator(".public-response")).ToContainTextAsync("Aboabo comes first in the works plan.");
        await resident.LookAsync("answered");

        // The package carries the annex.
        await officer.GoAsync($"/proposals/{id}/package");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button[name=file][value=zip]").ClickAsync());
        using var zip = ZipFile.OpenRead(await download.PathAsync() ?? throw new InvalidOperationException("no download"));
        Assert.Single(zip.Entries, e => e.FullName.EndsWith("-stakeholder-engagement.pdf", StringComparison.Ordinal));
    }
}
