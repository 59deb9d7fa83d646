using System.Net;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Components, outputs and activities are numbered by position (1, 1.1, 1.1.1) and nobody types
/// the numbers; what refers to them follows a renumbering. An output names outcomes created on
/// the spot, and autosave never creates one from a half-typed name.
public sealed class DesignNumberingTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public DesignNumberingTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public void Renumber_FollowsPositions_AndMovesEveryReference()
    {
        var proposal = new Proposal
        {
            Components =
            [
                new Component { Id = "C2", Outputs = [new Output { Id = "x", Activities = [new Activity { Id = "a" }, new Activity { Id = "b" }] }] },
                new Component { Id = "C3", Outputs = [new Output { Id = "y" }] },
            ],
            Timetable = [new TimetableItem { Name = "t", ActivityId = "b" }],
        };
        proposal.Budget.Lines.Add(new BudgetLine { Source = FundingSourceKind.Gcf, ComponentId = "C3", OutputId = "y", Amount = new Money { Amount = 1, Currency = "USD" } });
        proposal.Results.Outcomes.Add(new Outcome { Id = "O1" });
        proposal.Results.Indicators.Add(new Indicator { Code = "I1", Level = ResultLevel.Output, MeasuresId = "x" });
        proposal.Results.Indicators.Add(new Indicator { Code = "I2", Level = ResultLevel.Outcome, MeasuresId = "O1" });

        DesignNumbering.Renumber(proposal);

        Assert.Equal(["1", "2"], proposal.Components.Select(c => c.Id));
        Assert.Equal("1.1", proposal.Components[0].Outputs[0].Id);
        Assert.Equal(["1.1.1", "1.1.2"], proposal.Components[0].Outputs[0].Activities.Select(a => a.Id));
        Assert.Equal("2", proposal.Budget.Lines[0].ComponentId);
        Assert.Equal("2.1", proposal.Budget.Lines[0].OutputId);
        Assert.Equal("1.1.2", proposal.Timetable[0].ActivityId);
        Assert.Equal("1.1", proposal.Results.Indicators[0].MeasuresId);
        Assert.Equal("O1", proposal.Results.Indicators[1].MeasuresId);
    }

    [Fact]
    public async Task RemovingComponentOne_MakesTwoTheNewOne_AndItsBudgetLinesFollow()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var before = (await browser.StoredAsync(id)).Proposal;
        var secondName = before.Components[1].Name;
        var linesOfTwo = before.Budget.Lines.Count(l => l.ComponentId == "2");
        var linesOfOne = before.Budget.Lines.Count(l => l.ComponentId == "1");
        Assert.True(linesOfTwo > 0 && linesOfOne > 0);
        var page = await browser.OpenAsync(Urls.Step(id, "components"));
        Assert.Null(page.Find("[name='components[0].id']"));
        Assert.Contains("Output 1.2", page.Text, StringComparison.Ordinal);

        var response = await browser.SubmitStepAsync(id, "components", "remove:components[0]", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await browser.StoredAsync(id)).Proposal;
        Assert.Equal("1", after.Components[0].Id);
        Assert.Equal(secondName, after.Components[0].Name);
        Assert.Equal("1.1", after.Components[0].Outputs[0].Id);
        Assert.Equal("1.1.1", after.Components[0].Outputs[0].Activities[0].Id);
        // The lines of the old component 2 are the new component 1's; those of the removed one
        // name no component rather than the wrong one.
        Assert.Equal(linesOfTwo, after.Budget.Lines.Count(l => l.ComponentId == "1"));
        Assert.Equal(linesOfOne, after.Budget.Lines.Count(l => l.ComponentId is null));
        // The timetable follows too: an activity of the old component 2 keeps its line under its
        // new number; one of the removed component names none (never another activity).
        for (var i = 0; i < before.Timetable.Count; i++)
        {
            var was = before.Timetable[i].ActivityId;
            var now = after.Timetable[i].ActivityId;
            if (was?.StartsWith("2.", StringComparison.Ordinal) == true)
                Assert.Equal("1." + was[2..], now);
            else if (was?.StartsWith("1.", StringComparison.Ordinal) == true)
                Assert.Null(now);
        }
    }

    [Fact]
    public async Task AnOutput_NamesANewOutcome_OnTheSpot_AndAutosaveLeavesAHalfTypedOneAlone()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var outcomes = (await browser.StoredAsync(id)).Proposal.Results.Outcomes.Count;
        var page = await browser.OpenAsync(Urls.Step(id, "components"));
        Assert.NotNull(page.Find("#f-components-0-outputs-0-outcomeIds-new:not([data-refresh])"));

        var form = page.StepForm().Remove("action").Set("components[0].outputs[0].outcomeIds.new", "Municipal buil");
        var autosave = await browser.PostAsync(Urls.Autosave(id, "components"), form);
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.Equal(outcomes, (await browser.StoredAsync(id)).Proposal.Results.Outcomes.Count);

        var saved = await browser.SubmitStepAsync(id, "components", "save", f => f.Set("components[0].outputs[0].outcomeIds.new", "Municipal buildings use less grid power"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var proposal = (await browser.StoredAsync(id)).Proposal;
        var created = Assert.Single(proposal.Results.Outcomes, o => o.Statement == "Municipal buildings use less grid power");
        Assert.Equal($"O{outcomes + 1}", created.Id);
        Assert.Contains(created.Id, proposal.Components[0].Outputs[0].OutcomeIds);

        // The same statement again picks the same outcome.
        await browser.SubmitStepAsync(id, "components", "save", f => f.Set("components[0].outputs[1].outcomeIds.new", "municipal buildings use less grid power"));
        proposal = (await browser.StoredAsync(id)).Proposal;
        Assert.Equal(outcomes + 1, proposal.Results.Outcomes.Count);
        Assert.Contains(created.Id, proposal.Components[0].Outputs[1].OutcomeIds);
    }
}
