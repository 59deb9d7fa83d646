using System.Text.RegularExpressions;
using FinanceBuilder.Browser.Tests.Infrastructure;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.Playwright;

namespace FinanceBuilder.Browser.Tests;

/// Issue 6 in a real browser, through the pages only (after one seeded platform administrator):
/// the administrator sets up two municipalities, a planning agency that supports both, a donor
/// and a third municipality, and invites one person into each; the agency officer edits one
/// proposal of each municipality and submits one; the donor scores it, releases the scoring and
/// compares it with another submission; the applicant reads the released scoring; the third
/// municipality's officer sees none of it, by any URL.
[Collection("browser")]
public sealed partial class CollaborationJourneyTests(Browsers browsers)
{
    private const string Admin = "admin@platform.test";

    [Fact]
    public async Task AgencyEditsAndSubmits_DonorScoresAndCompares_ThirdOrganisationSeesNothing()
    {
        browsers.Server.CreateUser(Admin, FinanceBuilder.Web.Data.AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);

        // The platform administrator sets up the organisations and invites one person into each.
        await using var adminContext = await browsers.NewContextAsync(signInAs: Admin);
        var admin = new WizardDriver(await adminContext.NewPageAsync(), "collab-admin");
        var dogbo = await CreateOrganisationAsync(admin, "Commune de Dogbo", "Municipality", "BJ");
        var lokossa = await CreateOrganisationAsync(admin, "Commune de Lokossa", "Municipality", "BJ");
        var agency = await CreateOrganisationAsync(admin, "Agence de planification du Mono", "PlanningAgency", "BJ");
        var donor = await CreateOrganisationAsync(admin, "Fonds climat des donateurs", "Donor", null);
        var third = await CreateOrganisationAsync(admin, "Ville tierce", "Municipality", "BJ");
        await admin.GoAsync(agency);
        await LinkAsync(admin, "Commune de Dogbo");
        await LinkAsync(admin, "Commune de Lokossa");
        await admin.LookAsync("agency-linked");
        var links = new Dictionary<string, string>
        {
            ["officer@dogbo.test"] = await InviteAsync(admin, dogbo, "officer@dogbo.test"),
            ["officer@lokossa.test"] = await InviteAsync(admin, lokossa, "officer@lokossa.test"),
            ["agent@mono.test"] = await InviteAsync(admin, agency, "agent@mono.test"),
            ["reviewer@fund.test"] = await InviteAsync(admin, donor, "reviewer@fund.test"),
            ["officer@tierce.test"] = await InviteAsync(admin, third, "officer@tierce.test"),
        };

        // Each person joins with the link they were sent.
        var people = new Dictionary<string, (IBrowserContext Context, WizardDriver Driver)>();
        foreach (var (email, link) in links)
        {
            var context = await browsers.NewContextAsync(signInAs: null);
            var driver = new WizardDriver(await context.NewPageAsync(), "collab-" + email.Split('@')[0] + "-" + email.Split('@')[1].Split('.')[0]);
            await driver.GoAsync(link);
            await driver.FillAsync("displayName", email.Split('@')[0] + " " + email.Split('@')[1].Split('.')[0]);
            await driver.FillAsync("password", "a long phrase nobody guesses");
            await driver.NavigatingAsync(() => driver.Page.Locator("main form button[type=submit]").ClickAsync());
            Assert.DoesNotContain("/account/", driver.Page.Url, StringComparison.Ordinal);
            people[email] = (context, driver);
        }

        try
        {
            // Each municipality brings its proposal; Lokossa submits its own to the donor.
            var dogboProposal = await ImportAsync(people["officer@dogbo.test"].Driver, "mitigation-tamale-solar-led.json");
            var lokossaProposal = await ImportAsync(people["officer@lokossa.test"].Driver, "crosscutting-cuenca-watershed-bus.json");
            await SubmitAsync(people["officer@lokossa.test"].Driver, lokossaProposal, "Fonds climat des donateurs");

            // The agency officer sees both municipalities' proposals, edits one of each and submits Dogbo's.
            var agent = people["agent@mono.test"].Driver;
            await agent.GoAsync("/");
            await Assertions.Expect(agent.Page.Locator("main")).ToContainTextAsync("Commune de Dogbo");
            await Assertions.Expect(agent.Page.Locator("main")).ToContainTextAsync("Commune de Lokossa");
            await agent.LookAsync("home");
            await EditTitleAsync(agent, dogboProposal, "Dogbo: solar street lighting, revised by the agency");
            await EditTitleAsync(agent, lokossaProposal, "Lokossa: watershed and buses, checked by the agency");
            await SubmitAsync(agent, dogboProposal, "Fonds climat des donateurs");
            await agent.GoAsync($"/proposals/{dogboProposal}/activity");
            await Assertions.Expect(agent.Page.Locator("main")).ToContainTextAsync("revised by the agency");
            await agent.LookAsync("activity");

            // The donor sees both submissions, scores Dogbo's, releases it and compares the two.
            var reviewer = people["reviewer@fund.test"].Driver;
            await reviewer.GoAsync("/review");
            await Assertions.Expect(reviewer.Page.Locator("main table")).ToContainTextAsync("revised by the agency");
            await Assertions.Expect(reviewer.Page.Locator("main table")).ToContainTextAsync("Commune de Lokossa");
            await reviewer.LookAsync("review-list");
            var dogboSubmission = await LinkOfAsync(reviewer.Page, "revised by the agency");
            var lokossaSubmission = await LinkOfAsync(reviewer.Page, "Cuenca");
            await reviewer.GoAsync(dogboSubmission);
            for (var i = 0; i < 6; i++)
            {
                await reviewer.Page.Locator($"#score-{i}-{(i % 3) + 3}").CheckAsync();
                await reviewer.Page.Locator($"#comment-{i}").FillAsync($"Criterion {i + 1}: well argued, figures checked against the annexes.");
            }
            await reviewer.Page.Locator("#rec-EndorseWithConditions").CheckAsync();
            await reviewer.Page.Locator("#summary").FillAsync("Endorse once the land titles are annexed.");
            await reviewer.NavigatingAsync(() => reviewer.Page.Locator("button[formaction$='handler=Release']").ClickAsync());
            await reviewer.LookAsync("scored-and-released");
            await reviewer.GoAsync("/review");
            foreach (var box in await reviewer.Page.Locator("input[name=ids]").AllAsync())
                await box.CheckAsync();
            await reviewer.NavigatingAsync(() => reviewer.Page.Locator("#compare-form button[type=submit]").ClickAsync());
            await Assertions.Expect(reviewer.Page.Locator("main")).ToContainTextAsync("revised by the agency");
            await Assertions.Expect(reviewer.Page.Locator("main")).ToContainTextAsync("Cuenca");
            await reviewer.LookAsync("compare");
            // A reviewer cannot open the proposal itself.
            var draft = await reviewer.Page.GotoAsync($"/proposals/{dogboProposal}");
            Assert.Equal(404, draft!.Status);

            // The municipality reads the released scoring with its submitted versions.
            var dogboOfficer = people["officer@dogbo.test"].Driver;
            await dogboOfficer.GoAsync($"/proposals/{dogboProposal}/versions");
            await Assertions.Expect(dogboOfficer.Page.Locator("main")).ToContainTextAsync("Endorse once the land titles are annexed.");
            await dogboOfficer.LookAsync("versions-with-review");

            // The third municipality sees none of it, by any URL.
            var stranger = people["officer@tierce.test"].Driver;
            await stranger.GoAsync("/");
            var home = await stranger.Page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("Dogbo", home, StringComparison.Ordinal);
            Assert.DoesNotContain("Lokossa", home, StringComparison.Ordinal);
            await stranger.LookAsync("home-empty");
            var urls = new List<string>();
            foreach (var proposal in new[] { dogboProposal, lokossaProposal })
            {
                urls.AddRange([$"/proposals/{proposal}", $"/proposals/{proposal}/basics", $"/proposals/{proposal}/check-answers",
                    $"/proposals/{proposal}/package", $"/proposals/{proposal}/preview/gcf-funding-proposal", $"/proposals/{proposal}/export",
                    $"/proposals/{proposal}/versions", $"/proposals/{proposal}/versions/1", $"/proposals/{proposal}/versions/1/package",
                    $"/proposals/{proposal}/compare?from=1&to=draft", $"/proposals/{proposal}/comments", $"/proposals/{proposal}/activity",
                    $"/api/proposals/{proposal}", $"/api/proposals/{proposal}/validation"]);
            }
            foreach (var url in urls)
            {
                var response = await stranger.Page.GotoAsync(url);
                Assert.True(response!.Status == 404, $"{url}: {response.Status}");
                var text = await stranger.Page.ContentAsync();
                Assert.DoesNotContain("Dogbo", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Cuenca", text, StringComparison.Ordinal);
            }
            foreach (var url in new[] { dogboSubmission, lokossaSubmission, dogboSubmission + "/preview", "/review" })
            {
                var response = await stranger.Page.GotoAsync(url);
                Assert.True(response!.Status is 403 or 404, $"{url}: {response.Status}");
                Assert.DoesNotContain("Dogbo", await stranger.Page.ContentAsync(), StringComparison.Ordinal);
            }
            var list = await stranger.Page.GotoAsync("/api/proposals/");
            Assert.DoesNotContain(dogboProposal, await list!.TextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (context, _) in people.Values)
                await context.DisposeAsync();
        }
    }

    private static async Task<string> CreateOrganisationAsync(WizardDriver admin, string name, string kind, string? country)
    {
        await admin.GoAsync("/admin");
        await admin.Page.Locator("#org-name").FillAsync(name);
        await admin.Page.Locator("#org-kind").SelectOptionAsync(kind);
        if (country is not null)
            await admin.Page.Locator("#org-country").FillAsync(country);
        await admin.NavigatingAsync(() => admin.Page.Locator("form[action='/admin'] button[type=submit]").ClickAsync());
        Assert.Matches("/admin/organisations/[0-9a-f-]{36}", admin.Page.Url);
        return new Uri(admin.Page.Url).AbsolutePath;
    }

    private static async Task LinkAsync(WizardDriver admin, string supported)
    {
        await admin.Page.Locator("#link-other").SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(admin.Page, "#link-other", supported) });
        await admin.NavigatingAsync(() => admin.Page.Locator("form[action$='handler=Link'] button[type=submit]").ClickAsync());
        await Assertions.Expect(admin.Page.Locator("main")).ToContainTextAsync(supported);
    }

    private static async Task<string> OptionLabelAsync(IPage page, string select, string starts)
    {
        foreach (var option in await page.Locator(select + " option").AllAsync())
        {
            var label = (await option.InnerTextAsync()).Trim();
            if (label.StartsWith(starts, StringComparison.Ordinal))
                return label;
        }
        throw new InvalidOperationException($"No option starting with {starts}");
    }

    /// Invites an editor from the organisation's page; the page shows the link once.
    private static async Task<string> InviteAsync(WizardDriver admin, string organisationPage, string email)
    {
        await admin.GoAsync(organisationPage);
        await admin.Page.Locator("#invite-email").FillAsync(email);
        await admin.Page.Locator("#invite-role").SelectOptionAsync("Editor");
        await admin.NavigatingAsync(() => admin.Page.Locator("form[action$='handler=Invite'] button[type=submit]").ClickAsync());
        var link = (await admin.Page.Locator("code.invitation-link").InnerTextAsync()).Trim();
        Assert.Matches("/account/join/", link);
        return new Uri(link).PathAndQuery;
    }

    private static async Task<string> ImportAsync(WizardDriver officer, string sample)
    {
        await officer.GoAsync("/proposals/import");
        await officer.Page.Locator("#import-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        await officer.NavigatingAsync(() => officer.Page.Locator("main form button[type=submit]").ClickAsync());
        return ProposalId().Match(officer.Page.Url).Groups[1].Value;
    }

    private static async Task EditTitleAsync(WizardDriver agent, string proposal, string title)
    {
        await agent.GoAsync($"/proposals/{proposal}/basics");
        await agent.FillAsync("basics.title", title);
        await agent.PressAsync("later");
        await Assertions.Expect(agent.Page.Locator("h1")).ToContainTextAsync(title);
    }

    /// Submits from the proposal's submit page, sharing with the donor.
    private static async Task SubmitAsync(WizardDriver person, string proposal, string donorName)
    {
        await person.GoAsync($"/proposals/{proposal}/submit");
        await person.Page.GetByLabel(donorName).CheckAsync();
        await person.LookAsync("submit");
        // A double click: the second click must not make a second version. The second post may
        // abort the first one's page load (net::ERR_ABORTED), so the test waits for where both
        // lead — the version's page — rather than for the first load.
        await person.Page.Locator("main form button[type=submit]").DblClickAsync();
        await person.Page.WaitForURLAsync(VersionPage());
        await person.GoAsync($"/proposals/{proposal}/versions");
        Assert.Equal(1, await person.Page.Locator("main table tbody tr").CountAsync());
        await person.LookAsync("versions");
    }

    /// The donor list's link to the submission whose row mentions the text.
    private static async Task<string> LinkOfAsync(IPage page, string text)
    {
        var row = page.Locator("main table tbody tr", new() { HasText = text }).First;
        var href = await row.Locator("a[href^='/review/']").First.GetAttributeAsync("href");
        Assert.NotNull(href);
        return href!;
    }

    [GeneratedRegex("/proposals/([0-9a-f-]{36})")]
    private static partial Regex ProposalId();

    [GeneratedRegex(@"/proposals/[0-9a-f-]{36}/versions/1(\?|$)")]
    private static partial Regex VersionPage();
}
