using System.Diagnostics.Metrics;
using System.Net;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Diagnostics;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Pipeline;

/// One proposal pipeline per request (design D14): a page, an autosave, a saved form and a
/// package each parse the stored proposal once and run the rule catalogue once. Counted with the
/// app's own meter; the class runs alone (the meter is process-wide), after the parallel tests.
[Collection("timing")]
public sealed class PipelineCountTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PipelineCountTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Theory]
    [InlineData("basics")]
    [InlineData("mitigation")]
    [InlineData("budget")]
    [InlineData("accepted-warnings")]
    public async Task Autosave_PageAndSave_ParseOnceAndCheckOnce(string step)
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var (page, opened) = await CountAsync(() => browser.OpenAsync(Urls.Step(id, step)));
        Assert.Equal((1, 1), (opened.Parses, opened.RuleRuns));

        var form = page.StepForm().Remove("action");
        var (autosave, saved) = await CountAsync(() => browser.PostAsync(Urls.Autosave(id, step), form));
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.Equal((1, 1), (saved.Parses, saved.RuleRuns));

        // The save that follows an autosave takes over the proposal the autosave stored
        // (ParsedProposals): no parse at all. It is handed over once the autosave's request has
        // ended, which the test server may finish just after the reply.
        var store = app.Services.GetRequiredService<ParsedProposals.Store>();
        for (var i = 0; i < 50 && store.Count == 0; i++)
            await Task.Delay(20);
        var (post, posted) = await CountAsync(() => browser.PostAsync(Urls.Step(id, step), form.Set("version", "2").Set("action", "save")));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal((0, 1, 1), (posted.Parses, posted.Reused, posted.RuleRuns));
    }

    [Fact]
    public async Task Package_ParsesOnceAndChecksOnce()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var (response, counted) = await CountAsync(() => browser.Client.PostAsync($"/api/proposals/{id}/packages", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 1), (counted.Parses, counted.RuleRuns));
    }

    private sealed record Counts(int Parses, int RuleRuns, int AuditReads, int Reused);

    /// Counts what one request costs. The audit trail's comparison of the document before and
    /// after a save reads both as JSON trees; it is counted apart (AuditReads), being no parse of
    /// the proposal model.
    private static async Task<(T Result, Counts Counts)> CountAsync<T>(Func<Task<T>> request)
    {
        int parses = 0, rules = 0, audit = 0, reused = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PipelineMetrics.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var site = "";
            foreach (var tag in tags)
                if (tag.Key == "site")
                    site = tag.Value as string ?? "";
            if (instrument.Name == "rules.runs")
                Interlocked.Add(ref rules, (int)value);
            else if (site == "proposal-diff")
                Interlocked.Add(ref audit, (int)value);
            else if (site == "reused")
                Interlocked.Add(ref reused, (int)value);
            else
                Interlocked.Add(ref parses, (int)value);
        });
        listener.Start();
        var result = await request();
        listener.Dispose();
        return (result, new Counts(parses, rules, audit, reused));
    }
}
