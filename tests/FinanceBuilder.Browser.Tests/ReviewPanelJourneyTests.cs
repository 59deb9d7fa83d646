using FinanceBuilder.Browser.Tests.Infrastructure;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// Issue 20 in a real browser: a municipality submits two proposals to a fund; the fund's lead
/// reviewer assigns two colleagues, one declares a conflict of interest and is excluded, the
/// others score against the rubric and hand in, the consensus shows their disagreement, the lead
/// releases one decision, and the municipality reads it. The list fits a 1280 px screen at every
/// step.
[Collection("browser")]
public sealed class ReviewPanelJourneyTests(Browsers browsers)
{
    [Fact]
    public async Task Panel_ConflictExcluded_ConsensusThenOneDecision_TheApplicantReadsIt()
    {
        var fund = browsers.Server.CreateOrganisation("Climate fund of the panel", OrganisationKind.Donor);
        var people = new[] { "lead@panel-fund.test", "second@panel-fund.test", "conflicted@panel-fund.test" };
        var ids = people.ToDictionary(email => email, email => browsers.Server.CreateUser(email, fund, MemberRole.Editor));

        await using var applicantContext = await browsers.NewContextAsync();
        var applicant = new WizardDriver(await applicantContext.NewPageAsync(), "panel-applicant");
        var tamale = await LiveTruthTests.ImportAsync(applicant.Page, "mitigation-tamale-solar-led.json");
        var cotonou = await LiveTruthTests.ImportAsync(applicant.Page, "adaptation-cotonou-drainage-fr.json");
        foreach (var id in new[] { tamale, cotonou })
        {
            await applicant.GoAsync($"/proposals/{id}/submit");
            await applicant.Page.Locator($"input[name=donors][value='{fund}']").CheckAsync();
            await applicant.NavigatingAsync(() => applicant.Page.Locator("main form button[type=submit]").ClickAsync());
        }

        var drivers = new Dictionary<string, WizardDriver>();
        var contexts = new List<IBrowserContext>();
        foreach (var email in people)
        {
            var context = await browsers.NewContextAsync(signInAs: email);
            contexts.Add(context);
            drivers[email] = new WizardDriver(await context.NewPageAsync(), "panel-" + email.Split('@')[0]);
        }
        try
        {
            var lead = drivers[people[0]];
            // Told in the app that two submissions were shared.
            await lead.GoAsync("/notifications");
            await Assertions.Expect(lead.Page.Locator(".account-notifications")).ToHaveTextAsync("Notifications (2 new)");
            await Assertions.Expect(lead.Page.Locator("ul.notifications li")).ToHaveCountAsync(2);
            await lead.LookAsync("notifications");
            await lead.GoAsync("/review");
            await Assertions.Expect(lead.Page.Locator("table.review-list tbody tr")).ToHaveCountAsync(2);
            await Assertions.Expect(lead.Page.Locator("table.review-list tbody tr").First).ToContainTextAsync("New");
            await lead.LookAsync("list-new");
            await AssertNoSidewaysScrollAsync(lead.Page);
            var submission = await lead.Page.Locator("td.title a", new() { HasText = "Tamale" }).GetAttributeAsync("href");

            // The lead assigns the two colleagues.
            await lead.GoAsync(submission!);
            foreach (var email in people[1..])
            {
                await lead.Page.Locator("#assign-reviewer").SelectOptionAsync(ids[email].ToString());
                await lead.NavigatingAsync(() => lead.Page.Locator("form[action$='handler=Assign'] button").ClickAsync());
            }
            await Assertions.Expect(lead.Page.Locator("ul.review-team li")).ToHaveCountAsync(2);
            await lead.LookAsync("team");

            // One has advised the municipality: declares it and is out.
            var conflicted = drivers[people[2]];
            await conflicted.GoAsync(submission + "/sheet");
            await conflicted.LookAsync("declare");
            await conflicted.Page.Locator("#declare-Declared").CheckAsync();
            await conflicted.Page.Locator("#conflict-note").FillAsync("I advised the municipality on this project in 2025.");
            await conflicted.NavigatingAsync(() => conflicted.Page.Locator("form.declare-form button[type=submit]").ClickAsync());
            await Assertions.Expect(conflicted.Page.Locator("main")).ToContainTextAsync("You declared a conflict of interest for this submission");
            await Assertions.Expect(conflicted.Page.Locator("form.review-sheet-form")).ToHaveCountAsync(0);
            await conflicted.LookAsync("excluded");

            // The two others declare, score against the rubric and hand in.
            var scores = new Dictionary<string, int[]> { [people[1]] = [5, 4, 2, 4, 4, 3], [people[0]] = [4, 4, 5, 4, 4, 3] };
            foreach (var (email, given) in scores)
            {
                var reviewer = drivers[email];
                await reviewer.GoAsync(submission + "/sheet");
                await reviewer.Page.Locator("#declare-None").CheckAsync();
                await reviewer.NavigatingAsync(() => reviewer.Page.Locator("form.declare-form button[type=submit]").ClickAsync());
                await reviewer.Page.Locator("#criterion-1 details.rubric summary").ClickAsync();
                await Assertions.Expect(reviewer.Page.Locator("#criterion-1 details.rubric")).ToContainTextAsync("Regulatory framework");
                await Assertions.Expect(reviewer.Page.Locator("#level-0-5")).ToContainTextAsync("Large, well-evidenced impact");
                for (var i = 0; i < given.Length; i++)
                {
                    await reviewer.Page.Locator($"#score-{i}-{given[i]}").CheckAsync();
                    await reviewer.Page.Locator($"#comment-{i}").FillAsync($"{email.Split('@')[0]}: criterion {i + 1} checked against the annexes.");
                }
                await reviewer.Page.Locator(email == people[1] ? "#rec-Endorse" : "#rec-EndorseWithConditions").CheckAsync();
                if (email == people[0])
                {
                    // The document is beside the sheet; the lead comments on the financing section.
                    await Assertions.Expect(reviewer.Page.Locator(".review-document article.document-preview h1").First).ToBeVisibleAsync();
                    await reviewer.NavigatingAsync(() => reviewer.Page.Locator("button[formaction$='handler=Save']").ClickAsync());
                    var financing = reviewer.Page.Locator("#comment-section option", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Financing") }).First;
                    await reviewer.Page.Locator("#comment-section").SelectOptionAsync((await financing.GetAttributeAsync("value"))!);
                    await reviewer.Page.Locator("#comment-text").FillAsync("The utility's co-financing letter is not among the annexes.");
                    await reviewer.NavigatingAsync(() => reviewer.Page.Locator("form.comment-form button[type=submit]").ClickAsync());
                    await Assertions.Expect(reviewer.Page.Locator(".review-document aside.section-comments")).ToContainTextAsync("co-financing letter is not among the annexes");
                    await reviewer.LookAsync("document-beside-sheet");
                }
                if (email == people[1])
                    await reviewer.LookAsync("sheet-with-rubric");
                await reviewer.NavigatingAsync(() => reviewer.Page.Locator("button[formaction$='handler=Submit']").ClickAsync());
                await Assertions.Expect(reviewer.Page.Locator(".notice[role=status]")).ToContainTextAsync("Your sheet is handed in.");
            }

            // The consensus: sustainable development split (2 and 5), the decision proposed from
            // the averages; the lead completes and releases it.
            await lead.GoAsync(submission!);
            var split = lead.Page.Locator("table.consensus tbody tr.disagreement");
            await Assertions.Expect(split).ToHaveCountAsync(1);
            await Assertions.Expect(split).ToContainTextAsync("Sustainable development");
            await Assertions.Expect(lead.Page.Locator("main")).ToContainTextAsync("1 reviewer excluded for a conflict of interest.");
            await Assertions.Expect(lead.Page.Locator("#score-0-5")).ToBeCheckedAsync();
            await lead.LookAsync("consensus");
            await lead.Page.Locator("#score-2-4").CheckAsync();
            await lead.Page.Locator("#rec-EndorseWithConditions").CheckAsync();
            await lead.Page.Locator("#summary").FillAsync("The panel endorses the project once the land titles are annexed.");
            await lead.NavigatingAsync(() => lead.Page.Locator("button[formaction$='handler=Release']").ClickAsync());
            await Assertions.Expect(lead.Page.Locator(".review-status")).ToContainTextAsync("Decision released");

            await lead.GoAsync("/review?sort=Status&dir=desc");
            await Assertions.Expect(lead.Page.Locator("table.review-list tbody tr").First).ToContainTextAsync("Decision released");
            await Assertions.Expect(lead.Page.Locator("table.review-list tbody tr").First).ToContainTextAsync("conflicted (excluded)");
            await lead.LookAsync("list-released");
            await AssertNoSidewaysScrollAsync(lead.Page);
            // French words are longer: the list still fits.
            await lead.GoAsync("/language/fr?returnUrl=" + Uri.EscapeDataString("/review?sort=Status&dir=desc"));
            await Assertions.Expect(lead.Page.Locator("table.review-list tbody tr").First).ToContainTextAsync("Décision communiquée");
            await lead.LookAsync("list-fr");
            await AssertNoSidewaysScrollAsync(lead.Page);

            // The municipality reads the one decision, not the reviewers' sheets.
            await applicant.GoAsync($"/proposals/{tamale}/versions/1");
            await Assertions.Expect(applicant.Page.Locator("main")).ToContainTextAsync("The panel endorses the project once the land titles are annexed.");
            await Assertions.Expect(applicant.Page.Locator("main")).Not.ToContainTextAsync("checked against the annexes");
            await Assertions.Expect(applicant.Page.Locator("main")).Not.ToContainTextAsync("I advised the municipality");
            await applicant.LookAsync("decision-read");
            // …and the lead's comment under its section of the document, which they answer.
            await applicant.NavigatingAsync(() => applicant.Page.GetByRole(AriaRole.Link, new() { Name = "Read the donors' comments on the document" }).ClickAsync());
            var aside = applicant.Page.Locator(".review-document aside.section-comments");
            await Assertions.Expect(aside).ToContainTextAsync("co-financing letter is not among the annexes");
            await Assertions.Expect(applicant.Page.Locator(".review-document :is(h1, h2, h3):has(+ aside.section-comments)")).ToContainTextAsync("Financing");
            await applicant.Page.Locator(".comment-answer textarea").FillAsync("It is annex 4b, signed on 12 February.");
            await applicant.NavigatingAsync(() => applicant.Page.Locator(".comment-answer button[type=submit]").ClickAsync());
            await Assertions.Expect(aside.Locator(".section-comment__answer")).ToContainTextAsync("annex 4b");
            await applicant.LookAsync("comments-answered");
        }
        finally
        {
            foreach (var context in contexts)
                await context.DisposeAsync();
        }
    }

    /// Nothing on the page, the list's table included, needs scrolling sideways.
    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int[]>("""
            () => {
                const table = document.querySelector('.table-scroll');
                return [document.documentElement.scrollWidth - document.documentElement.clientWidth,
                        table ? table.scrollWidth - table.clientWidth : 0];
            }
            """);
        Assert.Equal([0, 0], overflow);
    }
}
