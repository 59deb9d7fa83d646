using System.Net;
using FinanceBuilder.Web.Tests.Catalogue;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// Progress in the open: with the organisation's consent, the published action shows the values
/// of the years whose report was sent — on its page and in its IATI activity, which still
/// validates against the IATI schema — and without consent, or before sending, nothing.
public sealed class PublicProgressTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PublicProgressTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    /// An approved project with C2.1 reported for 2025 (report sent) and 2026 (not sent).
    private async Task<(Guid Proposal, Guid Action)> ReportedAndPublishedAsync(bool consent)
    {
        var id = await browser.ApprovedAsync();
        using (var db = app.OpenDb())
        {
            var people = await db.MonitoredIndicators.SingleAsync(i => i.ProposalId == id && i.Code == "C2.1");
            foreach (var (year, value) in new[] { (2025, "12,400"), (2026, "30,000") })
            {
                var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/reporting/{year}", "round");
                var row = $"Form.Rows[{form.RowOf(people.Id.ToString())}].";
                form.Set(row + "Value", value);
                form.Set(row + "Source", "Register of connections");
                Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting/{year}", form)).StatusCode);
            }
        }
        var overview = await browser.OpenAsync($"/proposals/{id}/reporting");
        var sent = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)overview.Get("form[action*='handler=Sent'][action*='year=2025']"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting?handler=Sent&year=2025", sent)).StatusCode);

        var action = await browser.NewActionAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.EditActionAsync(action, form =>
        {
            if (consent)
                form.Set("showProgress", "true");
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(action)).StatusCode);
        return (id, action);
    }

    [Fact]
    public async Task WithConsent_ThePageAndIati_ShowTheYearsSent_AndIatiValidates()
    {
        var (id, action) = await ReportedAndPublishedAsync(consent: true);
        using var reader = app.CreateBrowserClient();

        var page = WizardBrowser.Parse(await reader.GetStringAsync($"/actions/{action}"));
        var row = page.QuerySelectorAll("table tbody tr").First(r => r.TextContent.Contains("Direct beneficiaries", StringComparison.Ordinal));
        Assert.Contains("12,400 (2025)", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("30,000", page.Body!.TextContent, StringComparison.Ordinal);

        var xml = await reader.GetStringAsync($"/actions/{action}/iati.xml");
        Assert.Contains("<actual value=\"12400\" />", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("30000", xml, StringComparison.Ordinal);
        Assert.Empty(IatiSchema.Problems(xml));

        // 2026's report is sent: the public page, the API and IATI show 2026 at once, as a new
        // revision (a reader's cached copy is not kept), without publishing again; the
        // organisation's unpublished edits stay unpublished.
        var etag = (await reader.GetAsync($"/actions/{action}")).Headers.ETag;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.EditActionAsync(action, form => form.Set("title", "A title not yet published"))).StatusCode);
        var overview = await browser.OpenAsync($"/proposals/{id}/reporting");
        var sent = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)overview.Get("form[action*='handler=Sent'][action*='year=2026']"));
        var marked = await browser.FollowAsync(await browser.PostAsync($"/proposals/{id}/reporting?handler=Sent&year=2026", sent));
        Assert.Contains("it now shows 2026's values", marked.Text, StringComparison.Ordinal);
        Assert.NotNull(marked.Find($"a[href='/actions/{action}']"));
        var after = await reader.GetAsync($"/actions/{action}");
        Assert.NotEqual(etag, after.Headers.ETag);
        var html = await after.Content.ReadAsStringAsync();
        Assert.Contains("30,000 (2026)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A title not yet published", html, StringComparison.Ordinal);
        xml = await reader.GetStringAsync($"/actions/{action}/iati.xml");
        Assert.Contains("<actual value=\"30000\" />", xml, StringComparison.Ordinal);
        Assert.Empty(IatiSchema.Problems(xml));
        using (var db = app.OpenDb())
            Assert.Equal(["published", "progress"], await db.ActionPublications.Where(p => p.ActionId == action).OrderBy(p => p.Id).Select(p => p.Kind).ToListAsync());

        // Reopened by mistake: 2026's values leave the public record again.
        var reopen = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)marked.Get("form[action*='handler=Reopen'][action*='year=2026']"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/reporting?handler=Reopen&year=2026", reopen)).StatusCode);
        Assert.DoesNotContain("30,000", await reader.GetStringAsync($"/actions/{action}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApprovedMidTermTarget_IsShown_AndIsATargetInItsIatiPeriod()
    {
        var (id, action) = await ReportedAndPublishedAsync(consent: true);
        decimal midTerm;
        using (var db = app.OpenDb())
            midTerm = (await db.MonitoredIndicators.SingleAsync(i => i.ProposalId == id && i.Code == "C2.1")).MidTermTarget!.Value;
        using var reader = app.CreateBrowserClient();

        var page = WizardBrowser.Parse(await reader.GetStringAsync($"/actions/{action}"));
        var row = page.QuerySelectorAll("table tbody tr").First(r => r.TextContent.Contains("Direct beneficiaries", StringComparison.Ordinal));
        // Reported from 2025 to 2027: the mid-term falls in 2026.
        Assert.Contains($"mid-term: {midTerm.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en"))}\u00a0(2026)", row.TextContent, StringComparison.Ordinal);
        var xml = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync($"/actions/{action}/iati.xml"));
        var result = xml.Descendants("result").First(r => r.Element("title")!.Value.Contains("Direct beneficiaries", StringComparison.Ordinal));
        var period2026 = result.Descendants("period").Single(p => (string?)p.Element("period-start")!.Attribute("iso-date") == "2026-01-01");
        Assert.Equal(midTerm, decimal.Parse((string)period2026.Element("target")!.Attribute("value")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(IatiSchema.Problems(xml.ToString()));
    }

    [Fact]
    public async Task WithoutConsent_NothingReportedIsPublic()
    {
        var (_, action) = await ReportedAndPublishedAsync(consent: false);
        using var reader = app.CreateBrowserClient();

        Assert.DoesNotContain("12,400", await reader.GetStringAsync($"/actions/{action}"), StringComparison.Ordinal);
        Assert.DoesNotContain("<actual", await reader.GetStringAsync($"/actions/{action}/iati.xml"), StringComparison.Ordinal);
    }
}
