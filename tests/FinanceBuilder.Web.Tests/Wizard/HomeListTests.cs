using System.Diagnostics;
using System.Net;
using FinanceBuilder.Web.Features.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The home list tells an officer where each proposal stands without opening it: sections done,
/// submission status, readiness and the GCF Board meeting aimed for; the file download is a
/// secondary action.
public sealed class HomeListTests(ITestOutputHelper output) : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Row_ShowsProgressStatusReadinessAndBoardMeeting_AsTheTaskListAndSubmissionCountThem()
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync(Sample);
        var proposal = (await browser.StoredAsync(id)).Proposal;
        var report = app.Services.GetRequiredService<ProposalValidation>().Validate(proposal);
        var steps = StepProgress.All(proposal, report);

        var draft = (await browser.OpenAsync("/")).Get("table.proposals tbody tr");
        Assert.Equal("Draft", draft.QuerySelector(".status")!.TextContent.Trim());
        Assert.Contains($"{steps.Count(s => s.Status == Questionnaire.StepStatus.Completed)} of {steps.Count(s => s.Status != Questionnaire.StepStatus.Optional)} sections", draft.QuerySelector(".progress-cell")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{Readiness.Overall(report)} %", draft.QuerySelector(".readiness")!.TextContent.Trim());
        Assert.Equal("October 2026", draft.QuerySelector(".board")!.TextContent.Trim());
        // The download is in the "More" menu, named for what it gives.
        Assert.Equal("Download the proposal file", draft.QuerySelector("details.more a[download]")!.FirstChild!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        var submitted = (await browser.OpenAsync("/")).Get("table.proposals tbody tr");
        Assert.Equal("Submitted V.001", submitted.QuerySelector(".status")!.TextContent.Trim());
    }

    /// A proposal saved before the listing columns existed is listed with the same figures,
    /// computed from its document.
    [Fact]
    public async Task Row_SavedBeforeTheListingColumns_ShowsTheSameFigures()
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync(Sample);
        var stored = Cells((await browser.OpenAsync("/")).Get("table.proposals tbody tr"));
        await using (var db = app.OpenDb())
        {
            var record = await db.Proposals.SingleAsync(p => p.Id == id);
            Assert.NotNull(record.ListingSectionsTotal);
            (record.ListingSectionsDone, record.ListingSectionsTotal, record.ListingReadiness, record.ListingTargetBoardDate) = (null, null, null, null);
            await db.SaveChangesAsync();
        }

        var computed = Cells((await browser.OpenAsync("/")).Get("table.proposals tbody tr"));

        Assert.Equal(stored, computed);
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. new[] { ".progress-cell", ".status", ".readiness", ".board" }.Select(c => row.QuerySelector(c)!.TextContent.Trim())];

    [Fact]
    public async Task Row_WithoutATargetBoardMeeting_SaysNotSet()
    {
        using var browser = new WizardBrowser(app, "fr");
        await browser.SeedJsonAsync(Samples.ReadText(Sample).Replace("\"targetBoardDate\": \"2026-10-20\",", "", StringComparison.Ordinal));

        var row = (await browser.OpenAsync("/")).Get("table.proposals tbody tr");

        Assert.Equal("Non précisée", row.QuerySelector(".board")!.TextContent.Trim());
        Assert.Equal("Brouillon", row.QuerySelector(".status")!.TextContent.Trim());
    }

    /// Progress and readiness are stored at save time because computing them for every listed
    /// proposal on every view was slow (about 3 s for 50 on a busy 2-core machine). This measures
    /// the page with 50 proposals and prints the time; it asserts only what is listed (timings
    /// are measured, never asserted in tests).
    [Fact]
    public async Task HomeWith50Proposals_ListsThemAll_AndPrintsHowLongThePageTook()
    {
        using var browser = new WizardBrowser(app);
        for (var i = 0; i < 50; i++)
            await browser.SeedSampleAsync(Sample);
        await browser.OpenAsync("/"); // first view: compilation and caches

        var watch = Stopwatch.StartNew();
        const int Views = 5;
        WizardPage? page = null;
        for (var i = 0; i < Views; i++)
            page = await browser.OpenAsync("/");
        watch.Stop();

        Assert.Equal(50, page!.Document.QuerySelectorAll("table.proposals tbody tr .progress-cell").Length);
        output.WriteLine($"Home page with 50 proposals: {watch.Elapsed.TotalMilliseconds / Views:F1} ms per view (mean of {Views}).");
    }
}
