using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// What the participation tests do again and again: open a proposal's public page, post a
/// page's form by its data-form name (to a handler, when a button names one).
internal static class ParticipationKit
{
    public const string SummaryEn = "The town will put solar panels on the roofs of three markets. Traders will pay less for light. The work starts next year. Tell us which market should be first, and what worries you.";

    /// Seeds the sample and opens its public consultation page; returns the proposal and the page.
    public static async Task<(Guid Proposal, Guid Page)> OpenedAsync(this WizardBrowser officer, Action<FormFields>? change = null)
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        var (_, form) = await officer.OpenFormAsync($"/proposals/{id}/consultations/public", "public-page");
        form.Set("Form.SummaryEn", SummaryEn);
        form.Set("Form.QuestionsEn", "Which market first?\nWhat worries you?");
        change?.Invoke(form);
        var response = await officer.PostAsync($"/proposals/{id}/consultations/public", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var db = officer.App.OpenDb();
        return (id, (await db.PublicConsultations.SingleAsync(p => p.ProposalId == id)).Id);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this WizardBrowser browser, string url, string form, Action<FormFields> change, string? handler = null)
    {
        var (_, fields) = await browser.OpenFormAsync(url, form);
        change(fields);
        return await browser.PostAsync(handler is null ? url : $"{url}?handler={handler}", fields);
    }

    public static Task<HttpResponseMessage> CommentAsync(this WizardBrowser resident, Guid page, string text, Action<FormFields>? change = null) =>
        resident.PostFormAsync($"/consult/{page}", "comment", form =>
        {
            form.Set("Form.Text", text);
            form.Set("Form.Consent", "true");
            change?.Invoke(form);
        });

    public static IHtmlFormElement FormOf(WizardPage page, string name) => (IHtmlFormElement)page.Get($"form[data-form='{name}']");
}
