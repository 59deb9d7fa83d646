using System.Net;
using System.Net.Http.Headers;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Annexes;

/// What a browser without JavaScript does on the annex files page: reads a form's antiforgery
/// token and posts the files as multipart, as the page's own form would.
internal static class AnnexFilesClient
{
    public static string Page(Guid id) => $"/proposals/{id}/annexes/files";

    public static async Task<HttpResponseMessage> AttachAsync(this HttpClient client, Guid id, string? annex, params (string Name, byte[] Content)[] files)
    {
        var content = await FormAsync(client, id, "Attach");
        content.Add(new StringContent(annex ?? ""), "annex");
        foreach (var (name, bytes) in files)
            content.Add(File(bytes), "files", name);
        return await PostAsync(client, $"{Page(id)}?handler=Attach", content);
    }

    public static async Task<HttpResponseMessage> ReplaceAsync(this HttpClient client, Guid id, string fileId, string name, byte[] bytes)
    {
        var content = await FormAsync(client, id, "Replace");
        content.Add(new StringContent(fileId), "file");
        content.Add(File(bytes), "replacement", name);
        return await PostAsync(client, $"{Page(id)}?handler=Replace", content);
    }

    public static async Task<HttpResponseMessage> RemoveAsync(this HttpClient client, Guid id, string fileId)
    {
        var content = await FormAsync(client, id, "Remove");
        content.Add(new StringContent(fileId), "file");
        return await PostAsync(client, $"{Page(id)}?handler=Remove", content);
    }

    private static ByteArrayContent File(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        // What a browser claims is never believed: say something wrong on purpose.
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return file;
    }

    /// The token of the page's own form for <paramref name="handler"/>, as the browser sends it
    /// (a form without one fails here); someone who cannot open the page posts with a token
    /// from a page of their own.
    private static async Task<MultipartFormDataContent> FormAsync(HttpClient client, Guid id, string handler)
    {
        var response = await client.GetAsync(Page(id));
        var content = new MultipartFormDataContent();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            content.Add(new StringContent(TestAccounts.AntiforgeryToken(await (await client.GetAsync("/proposals/import")).Content.ReadAsStringAsync())), "__RequestVerificationToken");
            return content;
        }
        var page = await WizardPage.ReadAsync(response);
        var form = page.Get($"main form[action$='handler={handler}']");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"The {handler} form carries no antiforgery token.");
        content.Add(new StringContent(token!), "__RequestVerificationToken");
        return content;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    public static async Task<WizardPage> ReadAsync(HttpResponseMessage response) => await WizardPage.ReadAsync(response);
}
