using System.Net;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// A project taken to approval the way a person does it: a sample imported, submitted from the
/// submit page, then its approval recorded on the version's approval page.
internal static class MonitoringKit
{
    public const string Sample = "mitigation-tamale-solar-led.json";

    /// Opens a page and reads its form (data-form="…") as a browser would send it.
    public static async Task<(WizardPage Page, FormFields Form)> OpenFormAsync(this WizardBrowser browser, string url, string form)
    {
        var page = await browser.OpenAsync(url);
        return (page, FormFields.Read((IHtmlFormElement)page.Get($"form[data-form='{form}']")));
    }

    /// Imports the sample and submits it once; returns the proposal id.
    public static async Task<Guid> SubmittedAsync(this WizardBrowser browser, string sample = Sample)
    {
        var id = await browser.SeedSampleAsync(sample);
        var response = await browser.Client.SubmitAsync(id);
        // The page's message says why a submission failed.
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return id;
    }

    /// Records V.001's approval at B.36 on 14 March 2025, reported on from 2025 to 2027 (so 2025's
    /// round is late, 2026's open) with the amounts the page suggests.
    public static async Task<HttpResponseMessage> ApproveAsync(this WizardBrowser browser, Guid id, Action<FormFields>? change = null)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/versions/1/approve", "approve");
        form.Set("Form.BoardMeeting", "B.36");
        form.Set("Form.ApprovedOn", "2025-03-14");
        form.Set("Form.EffectiveOn", "2025-06-30");
        form.Set("Form.FirstYear", "2025");
        form.Set("Form.LastYear", "2027");
        form.Set("Form.DueDays", "60");
        change?.Invoke(form);
        return await browser.PostAsync($"/proposals/{id}/versions/1/approve", form);
    }

    /// A project approved and ready to report on; returns the proposal id.
    public static async Task<Guid> ApprovedAsync(this WizardBrowser browser)
    {
        var id = await browser.SubmittedAsync();
        var response = await browser.ApproveAsync(id);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// The index of an indicator's row in a round's form.
    public static int RowOf(this FormFields form, string indicatorId) =>
        form.All.Where(f => f.Key.EndsWith(".Indicator", StringComparison.Ordinal)).Select(f => f.Value).ToList().IndexOf(indicatorId);
}
