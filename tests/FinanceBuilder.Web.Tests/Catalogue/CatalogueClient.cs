using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// What an organisation's editor does in the catalogue, over HTTP, through the pages' own forms.
internal static class CatalogueClient
{
    /// "Prepare the action" on /catalogue, from a proposal or by hand: the new action's id.
    public static async Task<Guid> NewActionAsync(this WizardBrowser browser, Guid? proposalId = null)
    {
        var page = await browser.OpenAsync("/catalogue");
        var form = FormFields.Read((IHtmlFormElement)page.Get("form.catalogue-new"));
        form.Set("proposalId", proposalId?.ToString() ?? "");
        var response = await browser.PostAsync("/catalogue?handler=New", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"new action answered {(int)response.StatusCode}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// Opens the edit page, lets the test change the form, and saves.
    public static async Task<HttpResponseMessage> EditActionAsync(this WizardBrowser browser, Guid id, Action<FormFields> change)
    {
        var page = await browser.OpenAsync($"/catalogue/{id}/edit");
        var form = FormFields.Read((IHtmlFormElement)page.Get("form.catalogue-edit"));
        change(form);
        return await browser.PostAsync($"/catalogue/{id}/edit", form);
    }

    public static async Task<HttpResponseMessage> PublishActionAsync(this WizardBrowser browser, Guid id, bool withdraw = false)
    {
        var page = await browser.OpenAsync($"/catalogue/{id}/publish");
        var handler = withdraw ? "Withdraw" : "Publish";
        var form = FormFields.Read((IHtmlFormElement)page.Get($"form[action*='handler={handler}']"));
        return await browser.PostAsync($"/catalogue/{id}/publish?handler={handler}", form);
    }
}
