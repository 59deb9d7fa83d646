using System.Net;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Pipeline;

/// A save hands its parsed proposal to the next save of the same proposal (ParsedProposals):
/// what is handed over must be exactly what was stored, whatever the page drew from it after the
/// save, and a document changed elsewhere must never be answered from what was handed over.
public sealed class ParsedProposalsTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public ParsedProposalsTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task Autosave_EveryStep_KeepsTheProposal_ThatWasStored_AfterItsReplyWasDrawn(string sample)
    {
        var id = await browser.SeedSampleAsync(sample);
        var (_, stored) = await browser.StoredAsync(id);
        var store = app.Services.GetRequiredService<ParsedProposals.Store>();
        var problems = new List<string>();

        foreach (var step in StepCatalogue.All.Where(s => s.IsApplicable(stored)))
        {
            var form = (await browser.OpenAsync(Urls.Step(id, step.Id))).StepForm().Remove("action");
            var reply = await browser.PostAsync(Urls.Autosave(id, step.Id), form);
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            var document = await browser.StoredDocumentAsync(id);
            // Handed over when the request's services are disposed, just after the reply.
            var kept = await EventuallyAsync(() => store.Take(id, document));
            if (kept is null)
                problems.Add($"{step.Id}: nothing kept for the stored document");
            else if (ProposalJson.Serialize(kept) != document)
                problems.Add($"{step.Id}: the kept proposal is no longer the stored document (drawing the page changed it)");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Autosave_AfterTheDocumentChangedElsewhere_StartsFromTheStoredDocument()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var form = (await browser.OpenAsync(Urls.Step(id, "narratives"))).StepForm().Remove("action");
        var first = await browser.PostAsync(Urls.Autosave(id, "narratives"), form.Change("narratives.theoryOfChange", "First change."));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var store = app.Services.GetRequiredService<ParsedProposals.Store>();
        await EventuallyAsync(() => store.Count > 0 ? (object)store : null);

        // Another node (or a restore) stores a new title and bumps the version.
        int version;
        using (var db = app.OpenDb())
        {
            var record = await db.Proposals.IgnoreQueryFilters().SingleAsync(p => p.Id == id);
            var proposal = ProposalJson.FromStored(record.Document);
            proposal.Basics.Title = "Renamed on another node";
            record.Document = ProposalJson.Serialize(proposal);
            record.Version++;
            version = record.Version;
            await db.SaveChangesAsync();
        }

        var second = await browser.PostAsync(Urls.Autosave(id, "narratives"),
            form.Change("narratives.theoryOfChange", "Second change.").Set("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (_, saved) = await browser.StoredAsync(id);
        Assert.Equal("Renamed on another node", saved.Basics.Title);
        Assert.Equal("Second change.", saved.Narratives.TheoryOfChange);
    }

    private static async Task<T?> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        for (var i = 0; i < 50; i++)
        {
            if (probe() is { } found)
                return found;
            await Task.Delay(20);
        }
        return null;
    }
}
