using FinanceBuilder.Browser.Tests.Infrastructure;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// Issue 17 in a real browser: a municipality's project is submitted to a donor and approved,
/// then reported on over three rounds — values entered with their source and split by sex, one
/// corrected with its reason, the late round reminded by e-mail, the annual performance report
/// downloaded — and the donor reads the round and comments, which the municipality reads.
[Collection("browser")]
public sealed class MonitoringJourneyTests(Browsers browsers)
{
    [Fact]
    public async Task ThreeRounds_Corrected_Reminded_Reported_AndReadByTheDonor()
    {
        var fund = browsers.Server.CreateOrganisation("Climate fund of the journey", OrganisationKind.Donor);
        browsers.Server.CreateUser("officer@journey-fund.test", fund, MemberRole.Editor);
        await using var context = await browsers.NewContextAsync();
        var page = await context.NewPageAsync();
        var editor = new WizardDriver(page, "monitoring");

        // Submitted, shared with the fund, and approved at B.36.
        var id = await LiveTruthTests.ImportAsync(page, "mitigation-tamale-solar-led.json");
        await editor.GoAsync($"/proposals/{id}/submit");
        await page.Locator($"input[name=donors][value='{fund}']").CheckAsync();
        await editor.NavigatingAsync(() => page.Locator("main form button[type=submit]").ClickAsync());
        await editor.GoAsync($"/proposals/{id}/versions/1");
        await editor.NavigatingAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Record the approval" }).ClickAsync());
        await editor.LookAsync("approve");
        await page.Locator("#BoardMeeting").FillAsync("B.36");
        await page.Locator("#ApprovedOn").FillAsync("2024-03-14");
        await page.Locator("#FirstYear").FillAsync("2024");
        await page.Locator("#LastYear").FillAsync("2026");
        await editor.NavigatingAsync(() => page.Locator("form[data-form=approve] button[type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator("table.monitoring-rounds tbody tr")).ToHaveCountAsync(3);
        await editor.LookAsync("overview");

        // Three rounds: people reached (by sex) with their source.
        var people = page.Locator("section#indicator-C2\\.1");
        foreach (var (year, total, women, men) in new[] { (2024, "4,000", "2,100", "1,900"), (2025, "12,400", "6,500", "5,900"), (2026, "30,000", "15,800", "14,200") })
        {
            await editor.GoAsync($"/proposals/{id}/reporting/{year}");
            await people.Locator("input[name$='.Value']").FillAsync(total);
            await people.Locator("input[name$='.Women']").FillAsync(women);
            await people.Locator("input[name$='.Men']").FillAsync(men);
            await people.Locator("input[name$='.Source']").FillAsync("Register of connections");
            await editor.NavigatingAsync(() => page.Locator("form[data-form=round] button[type=submit]").ClickAsync());
            await Assertions.Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("1 value saved.");
            await Assertions.Expect(people.Locator("input[name$='.Value']")).ToHaveValueAsync(total);
        }
        await editor.LookAsync("round-2026");

        // 2024's figure was wrong: a correction without a reason is refused, with one it is kept.
        await editor.GoAsync($"/proposals/{id}/reporting/2024");
        await people.Locator("input[name$='.Value']").FillAsync("4,200");
        await people.Locator("input[name$='.Women']").FillAsync("2,200");
        await editor.NavigatingAsync(() => page.Locator("form[data-form=round] button[type=submit]").ClickAsync());
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("give the reason for the correction");
        await Assertions.Expect(people.Locator("input[name$='.Value']")).ToHaveValueAsync("4,200");
        await editor.LookAsync("correction-refused");
        await people.Locator("input[name$='.CorrectionReason']").FillAsync("Two schools were left out of the first count");
        await editor.NavigatingAsync(() => page.Locator("form[data-form=round] button[type=submit]").ClickAsync());
        await editor.NavigatingAsync(() => people.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync());
        await Assertions.Expect(page.Locator("table.monitoring-history").First.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("table.monitoring-history")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("tr.history--current").First).ToContainTextAsync("Two schools were left out of the first count");
        await editor.LookAsync("history");

        // The late rounds are reminded, once each.
        using (var scope = browsers.Server.Services.CreateScope())
        {
            var reminders = scope.ServiceProvider.GetRequiredService<ReportingReminders>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.True(await reminders.SendDueAsync(today, DateTime.UtcNow, CancellationToken.None) > 0);
            Assert.Equal(0, await reminders.SendDueAsync(today, DateTime.UtcNow, CancellationToken.None));
            // The editor's mail says which report, how late, and links to its round, which opens.
            var folder = ((FinanceBuilder.Web.Features.Accounts.OutboxEmailSender)scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Features.Accounts.IEmailSender>()).Folder;
            var mail = Directory.GetFiles(folder).Select(File.ReadAllText).Single(m => m.Contains($"/proposals/{id}/reporting/2024", StringComparison.Ordinal)
                && m.Contains("To: editor@workspace.test", StringComparison.Ordinal));
            Assert.Contains("Subject: Report 2024 of Tamale Solar Public Buildings and LED Street Lighting Project, Ghana: late", mail, StringComparison.Ordinal);
            Assert.Contains("was due on 1 March 2025 and is", mail, StringComparison.Ordinal);
            var link = System.Text.RegularExpressions.Regex.Match(mail, $@"https?://\S+(/proposals/{id}/reporting/2024)\b").Groups[1].Value;
            await editor.GoAsync(link);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2024");
        }

        // The annual performance report of 2025, as a PDF.
        await editor.GoAsync($"/proposals/{id}/reporting/2025");
        await page.Locator("#apr-file").SelectOptionAsync("pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("form[data-form=apr] button[type=submit]").ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(file).AsSpan(0, 4)), StringComparison.Ordinal);

        // The fund reads the round and comments; the municipality reads the comment.
        await using var fundContext = await browsers.NewContextAsync(signInAs: "officer@journey-fund.test");
        var reviewer = new WizardDriver(await fundContext.NewPageAsync(), "monitoring-fund");
        await reviewer.GoAsync("/review");
        await reviewer.NavigatingAsync(() => reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Tamale Solar Public Buildings and LED Street Lighting Project, Ghana" }).First.ClickAsync());
        await reviewer.NavigatingAsync(() => reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Monitoring after approval" }).ClickAsync());
        await reviewer.NavigatingAsync(() => reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Report 2025" }).ClickAsync());
        await Assertions.Expect(reviewer.Page.Locator("table.round-report")).ToContainTextAsync("12,400");
        await reviewer.Page.Locator("#comment-text").FillAsync("Please attach the register of connections.");
        await reviewer.NavigatingAsync(() => reviewer.Page.Locator("form[data-form=comment] button[type=submit]").ClickAsync());
        await Assertions.Expect(reviewer.Page.Locator("#comments")).ToContainTextAsync("Please attach the register of connections.");
        await reviewer.LookAsync("round");

        await editor.GoAsync($"/proposals/{id}/reporting/2025");
        await Assertions.Expect(page.Locator("#comments")).ToContainTextAsync("Please attach the register of connections.");
    }
}
