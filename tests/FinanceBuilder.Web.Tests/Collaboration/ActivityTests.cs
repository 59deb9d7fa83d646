using System.Net;
using FinanceBuilder.Web.Data.Collaboration;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Collaboration;

/// The activity page: the audit trail of one proposal, newest first, translated section names.
public sealed class ActivityTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("en", "Edited", "About the project", "Created", "Project title")]
    [InlineData("fr", "Modification", "Le projet en bref", "Création", "Titre du projet")]
    public async Task StepSave_ShowsSectionName_AndBeforeAfter(string language, string action, string section, string created, string field)
    {
        using var browser = new WizardBrowser(app, language);
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var before = (await browser.StoredAsync(id)).Proposal.Basics.Title;
        var saved = await browser.SubmitStepAsync(id, "basics", "save", f => f.Change("basics.title", "Tamale solar, second try"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await browser.OpenAsync($"/proposals/{id}/activity");

        var newest = page.Get("table.activity tbody tr:first-child");
        var cells = newest.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(action, cells[2]);
        Assert.Equal(section, cells[3]);
        Assert.Contains($"“{before}” → “Tamale solar, second try”", cells[4], StringComparison.Ordinal);
        // The question is named in the reader's language, whoever made the change.
        Assert.StartsWith(field + ":", cells[4], StringComparison.Ordinal);
        Assert.EndsWith("UTC", cells[0], StringComparison.Ordinal);
        Assert.Equal(TestAccounts.DefaultEditor.Split('@')[0], cells[1]);
        // Oldest last: the proposal's creation.
        Assert.Contains(created, page.Document.QuerySelectorAll("table.activity tbody tr")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongHistory_IsPagedBy50_NewestFirst()
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        using (var db = app.OpenDb())
        {
            var owner = (await db.Proposals.SingleAsync(p => p.Id == id)).OwnerOrganisationId;
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < 60; i++)
                db.AuditEvents.Add(new AuditEvent { ProposalId = id, OrganisationId = owner, UserName = "someone", At = start.AddMinutes(i), Action = "edited", Section = "budget", Summary = $"change {i}" });
            await db.SaveChangesAsync();
        }

        var first = await browser.OpenAsync($"/proposals/{id}/activity");
        var second = await browser.OpenAsync($"/proposals/{id}/activity?p=2");

        // 61 events: the sample's creation (now) is the newest.
        Assert.Equal(50, first.Document.QuerySelectorAll("table.activity tbody tr").Length);
        Assert.Contains("change 59", first.Document.QuerySelectorAll("table.activity tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(11, second.Document.QuerySelectorAll("table.activity tbody tr").Length);
        Assert.Contains("change 0", second.Document.QuerySelectorAll("table.activity tbody tr")[^1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", second.Get(".pager").TextContent, StringComparison.Ordinal);
    }
}
