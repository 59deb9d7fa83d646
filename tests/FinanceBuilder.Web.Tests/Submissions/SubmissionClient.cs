using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Submissions;

/// What a browser does on the submit page, over HTTP: reads the form (antiforgery token and the
/// idempotency key the page rendered) and posts it as the site's own page would.
internal static class SubmissionClient
{
    public sealed record SubmitForm(string Token, string Key, IReadOnlyList<(string Value, bool Checked)> Donors, string Html);

    public static async Task<SubmitForm> OpenSubmitAsync(this HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/proposals/{id}/submit");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET submit answered {(int)response.StatusCode}");
        var document = WizardBrowser.Parse(html);
        var form = (IHtmlFormElement)document.QuerySelector("main form[method=post]")!;
        var key = ((IHtmlInputElement)form.QuerySelector("input[name=idempotencyKey]")!).Value;
        var donors = form.QuerySelectorAll("input[name=donors]").Cast<IHtmlInputElement>().Select(i => (i.Value, i.IsChecked)).ToList();
        return new SubmitForm(TestAccounts.AntiforgeryToken(html), key, donors, html);
    }

    public static async Task<HttpResponseMessage> PostSubmitAsync(this HttpClient client, Guid id, SubmitForm form, string? key = null, IEnumerable<string>? donors = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Token),
            new("idempotencyKey", key ?? form.Key),
        };
        fields.AddRange((donors ?? []).Select(d => new KeyValuePair<string, string>("donors", d)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/proposals/{id}/submit") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    /// Opens the page and presses "submit" once.
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Guid id, IEnumerable<string>? donors = null) =>
        await client.PostSubmitAsync(id, await client.OpenSubmitAsync(id), donors: donors);

    /// Changes the title through the API, as any editor's save would.
    public static async Task EditTitleAsync(this WizardBrowser browser, Guid id, string title)
    {
        var version = await browser.StoredVersionAsync(id);
        var root = JsonNode.Parse(await browser.StoredDocumentAsync(id))!;
        root["basics"]!["title"] = title;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/proposals/{id}") { Content = new StringContent(root.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        var response = await browser.Client.SendAsync(put);
        Assert.True(response.IsSuccessStatusCode, $"PUT answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<(int Submissions, int Packages, int SubmittedEvents)> CountAsync(this AppFactory app, Guid id)
    {
        using var db = app.OpenDb();
        return (
            await db.Submissions.CountAsync(s => s.ProposalId == id),
            await db.SubmissionPackages.CountAsync(p => p.ProposalId == id),
            await db.AuditEvents.CountAsync(e => e.ProposalId == id && e.Action == "submitted"));
    }
}
