using System.Net;
using System.Text;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Territories;

/// What an organisation's editor does with the shared library, over HTTP, through the page's
/// own upload form (multipart, with the form's antiforgery token).
internal static class IndicatorClient
{
    public const string Header = "indicator,country,territory_code,territory_name,year,value,source,source_date,licence";

    public static async Task<HttpResponseMessage> UploadValuesAsync(this WizardBrowser browser, string name, byte[] file, string fileName = "values.csv")
    {
        var page = await browser.OpenAsync("/catalogue/indicators");
        var token = page.Get("main form[action*='handler=Upload'] input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(name), "Name" },
            { new ByteArrayContent(file), "file", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/catalogue/indicators?handler=Upload") { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await browser.Client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> UploadValuesAsync(this WizardBrowser browser, string name, string csv) =>
        browser.UploadValuesAsync(name, Encoding.UTF8.GetBytes(csv));

    public static async Task<HttpResponseMessage> WithdrawDatasetAsync(this WizardBrowser browser, Guid id)
    {
        var page = await browser.OpenAsync("/catalogue/indicators");
        var form = FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)page.Get("main form[action*='handler=Withdraw']"));
        form.Set("id", id.ToString());
        return await browser.PostAsync("/catalogue/indicators?handler=Withdraw", form);
    }

    public static Guid DatasetId(this AppFactory app, string name)
    {
        using var db = app.OpenDb();
        return db.IndicatorDatasets.Where(d => d.Name == name).OrderByDescending(d => d.PublishedAt).Select(d => d.Id).First();
    }
}
