using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Organisations;

/// Pages as a signed-in person uses them over HTTP: open a page, fill one of its forms, post it
/// from the site itself (Fetch metadata says so), never following redirects.
internal static class OrganisationPages
{
    public static async Task<WizardPage> OpenAsync(this HttpClient client, string url)
    {
        var page = await WizardPage.ReadAsync(await client.GetAsync(url));
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status}.");
        return page;
    }

    /// Opens the page, takes the form matching the selector, lets the test change its fields,
    /// and posts it to the form's action.
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url, string formSelector, Action<FormFields> change)
    {
        var page = await client.OpenAsync(url);
        var element = (IHtmlFormElement)page.Get(formSelector);
        var form = FormFields.Read(element);
        change(form);
        var action = element.GetAttribute("action");
        return await client.PostFormAsync(string.IsNullOrEmpty(action) ? url : action, form);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, FormFields form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form.ToContent() };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    /// Posts fields to a URL with the antiforgery token of another page this person may open
    /// (for posts the page itself would not offer, e.g. to another organisation's ids).
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPage, string url, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(tokenPage);
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", TestAccounts.AntiforgeryToken(html)) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    public static async Task<Guid> SeedProposalAsync(this HttpClient client, string sample = "mitigation-tamale-solar-led.json")
    {
        using var body = new StringContent(Samples.ReadText(sample), Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/proposals", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    public static string Location(this HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? "";
}
