using System.Net;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Wizard;

/// /proposals/new: the applicant page starts with what the platform knows of the organisation
/// the proposal is written for.
public sealed class NewProposalPrefillTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private static async Task<Guid> CreateAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/proposals/new", "main form[method=post]", f => f
            .Set("route", "FundingProposal").Set("language", "Fr").Set("title", "Drainage de Kaolack"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Location().Split('/')[^1]);
    }

    [Fact]
    public async Task Post_FillsTheProponentFromTheOrganisation()
    {
        var organisation = await app.CreateOrganisationAsync("Commune de Kaolack", OrganisationKind.Municipality);
        using (var db = app.OpenDb())
        {
            await db.Organisations.Where(o => o.Id == organisation).ExecuteUpdateAsync(s => s.SetProperty(o => o.Country, "SN"));
        }
        await app.CreateUserAsync("maire@kaolack.test", organisation);
        using var client = await app.SignedInClientAsync("maire@kaolack.test");
        using var browser = new WizardBrowser(app);

        var id = await CreateAsync(client);

        var proponent = (await browser.StoredAsync(id)).Proposal.Applicant.Proponent;
        Assert.Equal("Commune de Kaolack", proponent.Name);
        Assert.Equal(OrganisationType.Municipality, proponent.Type);
        Assert.Equal("SN", proponent.CountryCode);
        var applicant = await client.OpenAsync(Urls.Step(id, "applicant"));
        Assert.Equal("Commune de Kaolack", applicant.StepForm()["applicant.proponent.name"]);
    }

    [Fact]
    public async Task Post_ForAnOrganisationWithoutCountry_LeavesTheCountryUnanswered()
    {
        var organisation = await app.CreateOrganisationAsync("Région de Thiès", OrganisationKind.Region);
        await app.CreateUserAsync("region@thies.test", organisation);
        using var client = await app.SignedInClientAsync("region@thies.test");
        using var browser = new WizardBrowser(app);

        var proponent = (await browser.StoredAsync(await CreateAsync(client))).Proposal.Applicant.Proponent;

        Assert.Equal(OrganisationType.Region, proponent.Type);
        Assert.Null(proponent.CountryCode);
    }

    [Fact]
    public void Prefill_NeverOverwritesAnAnswer()
    {
        var proposal = new Proposal();
        proposal.Applicant.Proponent.Name = "Ville de Saint-Louis";
        proposal.Applicant.Proponent.Type = OrganisationType.InterMunicipalBody;
        proposal.Applicant.Proponent.CountryCode = "MR";

        Web.Features.Proposals.ApplicantPrefill.Apply(proposal, new Web.Data.OrganisationRecord { Name = "Agence X", Kind = OrganisationKind.PlanningAgency, Country = "SN" });

        Assert.Equal("Ville de Saint-Louis", proposal.Applicant.Proponent.Name);
        Assert.Equal(OrganisationType.InterMunicipalBody, proposal.Applicant.Proponent.Type);
        Assert.Equal("MR", proposal.Applicant.Proponent.CountryCode);
    }
}
