using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Organisations;

/// A planning agency works on the proposals of the municipalities it supports, for as long as
/// it is linked to them; a municipality never sees another's.
public sealed class AgencyTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<(Guid Agency, Guid TownA, Guid TownB, Guid ProposalA, Guid ProposalB)> SetUpAsync()
    {
        var agency = await app.CreateOrganisationAsync("Sahel Planning Agency", OrganisationKind.PlanningAgency);
        var townA = await app.CreateOrganisationAsync("Town A", OrganisationKind.Municipality);
        var townB = await app.CreateOrganisationAsync("Town B", OrganisationKind.Municipality);
        await app.CreateUserAsync("officer@agency.test", agency);
        await app.CreateUserAsync("officer@a.test", townA);
        await app.CreateUserAsync("officer@b.test", townB);
        using var a = await app.SignedInClientAsync("officer@a.test");
        using var b = await app.SignedInClientAsync("officer@b.test");
        return (agency, townA, townB, await a.SeedProposalAsync(), await b.SeedProposalAsync("adaptation-cotonou-drainage-fr.json"));
    }

    [Fact]
    public async Task LinkedAgency_SeesAndEditsBothMunicipalitiesProposals_UntilUnlinked()
    {
        var s = await SetUpAsync();
        await app.LinkAgencyAsync(s.Agency, s.TownA);
        await app.LinkAgencyAsync(s.Agency, s.TownB);
        using var agency = await app.SignedInClientAsync("officer@agency.test");

        var list = await agency.OpenAsync("/");
        var rows = list.Get("table.proposals tbody").TextContent;
        Assert.Contains("Town A", rows, StringComparison.Ordinal);
        Assert.Contains("Town B", rows, StringComparison.Ordinal);
        Assert.Equal("Organisation", list.Get("table.proposals thead th:nth-child(2)").TextContent.Trim());
        Assert.NotNull(list.Find($"a[href='/proposals/{s.ProposalA}']"));
        Assert.NotNull(list.Find($"a[href='/proposals/{s.ProposalB}']"));

        foreach (var (id, title) in new[] { (s.ProposalA, "Edited by the agency A"), (s.ProposalB, "Edited by the agency B") })
        {
            var saved = await agency.SubmitFormAsync($"/proposals/{id}/basics", "form[data-step]", f => f.Change("basics.title", title).Set("action", "save"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            using var db = app.OpenDb();
            Assert.Equal(title, (await db.Proposals.SingleAsync(p => p.Id == id)).Title);
        }

        using (var admin = await AdminAsync())
        {
            var unlinked = await admin.SubmitFormAsync($"/admin/organisations/{s.Agency}", $"main form[action$='handler=Unlink']:has(input[value='{s.TownB}'])", _ => { });
            Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        }

        var after = await agency.OpenAsync("/");
        Assert.NotNull(after.Find($"a[href='/proposals/{s.ProposalA}']"));
        Assert.Null(after.Find($"a[href='/proposals/{s.ProposalB}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync($"/proposals/{s.ProposalB}")).StatusCode);
    }

    [Fact]
    public async Task Agency_ChoosesTheOrganisation_OfANewProposal()
    {
        var s = await SetUpAsync();
        await app.LinkAgencyAsync(s.Agency, s.TownA);
        using var agency = await app.SignedInClientAsync("officer@agency.test");

        var form = await agency.OpenAsync("/proposals/new");
        Assert.Equal("For which organisation?", form.Get("main form legend").TextContent.Trim());
        Assert.Equal(s.Agency.ToString(), form.Get("input[name='organisation'][checked]").GetAttribute("value"));

        var outsider = await Wizard.WizardPage.ReadAsync(await agency.SubmitFormAsync("/proposals/new", "main form", f => f.Change("organisation", s.TownB.ToString()).Change("route", "ConceptNote")));
        Assert.Equal(HttpStatusCode.OK, outsider.Status);
        Assert.Contains("Choose one of the organisations you work for.", outsider.Get(".error-summary").TextContent, StringComparison.Ordinal);

        var created = await agency.SubmitFormAsync("/proposals/new", "main form", f => f.Change("organisation", s.TownA.ToString()).Change("route", "ConceptNote").Change("title", "Agency draft for Town A"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var db = app.OpenDb();
        var proposal = await db.Proposals.SingleAsync(p => p.Title == "Agency draft for Town A");
        Assert.Equal(s.TownA, proposal.OwnerOrganisationId);
    }

    [Fact]
    public async Task Agency_DuplicatingAMunicipalitysProposal_MakesTheCopyForThatMunicipality()
    {
        var s = await SetUpAsync();
        await app.LinkAgencyAsync(s.Agency, s.TownA);
        using var agency = await app.SignedInClientAsync("officer@agency.test");

        var copied = await agency.SubmitFormAsync($"/proposals/{s.ProposalA}", $"main form[action*='handler=Duplicate']", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, copied.StatusCode);
        var copy = Guid.Parse(copied.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0]);
        using var db = app.OpenDb();
        Assert.Equal(s.TownA, (await db.Proposals.SingleAsync(p => p.Id == copy)).OwnerOrganisationId);
        // The municipality sees the copy made for it.
        using var town = await app.SignedInClientAsync("officer@a.test");
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync($"/proposals/{copy}")).StatusCode);
    }

    [Fact]
    public async Task Municipality_HasNoOrganisationQuestionOrColumn()
    {
        await SetUpAsync();
        using var town = await app.SignedInClientAsync("officer@a.test");

        Assert.Null((await town.OpenAsync("/proposals/new")).Find("input[name='organisation']"));
        Assert.DoesNotContain("Organisation", (await town.OpenAsync("/")).Get("table.proposals thead").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Municipality_NeverSeesAnothersProposal()
    {
        var s = await SetUpAsync();
        using var b = await app.SignedInClientAsync("officer@b.test");

        var home = await b.OpenAsync("/");
        Assert.Null(home.Find($"a[href='/proposals/{s.ProposalA}']"));
        Assert.Contains($"/proposals/{s.ProposalB}", home.Html, StringComparison.Ordinal);
        foreach (var url in new[] { $"/proposals/{s.ProposalA}", $"/proposals/{s.ProposalA}/activity", $"/proposals/{s.ProposalA}/comments" })
            Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(url)).StatusCode);
        var post = await b.PostWithTokenAsync("/proposals/new", $"/proposals/{s.ProposalA}/comments", ("section", "basics"), ("text", "Hello"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var db = app.OpenDb();
        Assert.Empty(await db.Comments.ToListAsync());
    }

    [Fact]
    public async Task Donor_IsSentToReview()
    {
        var donor = await app.CreateOrganisationAsync("Fund", OrganisationKind.Donor);
        await app.CreateUserAsync("reviewer@fund.test", donor);
        using var reviewer = await app.SignedInClientAsync("reviewer@fund.test");

        var home = await reviewer.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/review", home.Location());
    }

    [Fact]
    public async Task AgencyAdministrator_SeesTheOrganisationsItSupports()
    {
        var s = await SetUpAsync();
        await app.LinkAgencyAsync(s.Agency, s.TownA);
        await app.CreateUserAsync("head@agency.test", s.Agency, MemberRole.OrganisationAdmin);
        using var head = await app.SignedInClientAsync("head@agency.test", "fr");

        var page = await head.OpenAsync("/organisation");

        var supported = page.Get(".supported-organisations").TextContent;
        Assert.Contains("Town A", supported, StringComparison.Ordinal);
        Assert.DoesNotContain("Town B", supported, StringComparison.Ordinal);
        Assert.Contains("Organisations que nous accompagnons", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Find(".supported-organisations form"));
    }

    private async Task<HttpClient> AdminAsync()
    {
        await app.CreateUserAsync("admin@platform.test", Web.Data.AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        return await app.SignedInClientAsync("admin@platform.test");
    }
}
