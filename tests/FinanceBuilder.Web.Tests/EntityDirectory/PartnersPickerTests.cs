using System.Net;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.EntityDirectory;

/// The partners page: the accredited entity is picked from the directory (one choice fills
/// name, kind, modality and scope), shown read-only, and can be entered by hand again.
public sealed class PartnersPickerTests : IDisposable
{
    private const string Picker = "applicant.accreditedEntity.directoryId";
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PartnersPickerTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task Get_OffersEveryDirectoryEntry_AndOther_WithTheHandWrittenFields()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var page = await browser.OpenAsync(Urls.Step(id, "partners"));

        var options = page.Document.QuerySelectorAll("select[name='applicant.accreditedEntity.directoryId'] option").ToList();
        Assert.Equal(103 + 1, options.Count);
        Assert.Contains(options, o => o.GetAttribute("value") == "APL027" && o.TextContent == "African Development Bank (AfDB) — international");
        // The sample's AE was written by hand: "Other" is what it is, and its fields are there.
        Assert.True(options.Single(o => o.GetAttribute("value") == "other").HasAttribute("selected"));
        Assert.True(page.StepForm().Shows("applicant.accreditedEntity.name"));
        Assert.NotNull(page.Find("select[name='applicant.accreditedEntity.directoryId'][data-refresh]"));
        // The access modality is not asked any more: it follows from the kind.
        Assert.False(page.StepForm().Shows("applicant.accreditedEntity.accessModality"));
    }

    [Fact]
    public async Task Post_PickingAnEntry_FillsTheAccreditedEntity_AndShowsItReadOnly()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        // Without JavaScript: choose, then save (the hand-written fields are posted too, and lose).
        var response = await browser.SubmitStepAsync(id, "partners", "save", f => f.Set(Picker, "APL027"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, proposal) = await browser.StoredAsync(id);
        var ae = proposal.Applicant.AccreditedEntity;
        Assert.Equal("APL027", ae.DirectoryId);
        Assert.Equal("African Development Bank", ae.Name);
        Assert.Equal("AfDB", ae.ShortName);
        Assert.Equal(AccreditedEntityKind.InternationalAccess, ae.Kind);
        Assert.Equal(AccessModality.International, ae.AccessModality);
        Assert.Equal(SizeCategory.Large, ae.Scope.MaxSize);
        Assert.Equal(EssCategory.A, ae.Scope.MaxRiskCategory);
        Assert.Contains(FiduciaryStandard.OnLendingBlending, ae.Scope.FiduciaryStandards);

        var page = await browser.OpenAsync(Urls.Step(id, "partners"));
        Assert.False(page.StepForm().Shows("applicant.accreditedEntity.name"));
        var shown = page.Get(".directory-entry").TextContent;
        Assert.Contains("African Development Bank", shown, StringComparison.Ordinal);
        Assert.Contains("A/I-1", shown, StringComparison.Ordinal);
        Assert.NotNull(page.Find($".directory-entry button[name='{Picker}'][value='other']"));
    }

    [Fact]
    public async Task Post_Change_GoesBackToTheHandWrittenFields_KeepingTheValues()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        await browser.SubmitStepAsync(id, "partners", "save", f => f.Set(Picker, "APL027"));

        // The "change" button posts "other" beside the select's own value.
        var response = await browser.SubmitStepAsync(id, "partners", "", f => f.Set(Picker, "APL027", "other"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, proposal) = await browser.StoredAsync(id);
        Assert.Null(proposal.Applicant.AccreditedEntity.DirectoryId);
        Assert.Equal("African Development Bank", proposal.Applicant.AccreditedEntity.Name);
        var page = await browser.OpenAsync(Urls.Step(id, "partners"));
        Assert.Equal("African Development Bank", page.StepForm()["applicant.accreditedEntity.name"]);
    }

    [Fact]
    public async Task Post_Other_KeepsWhatWasTyped_AndTheModalityFollowsTheKind()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var response = await browser.SubmitStepAsync(id, "partners", "save", f => f
            .Set(Picker, "other")
            .Set("applicant.accreditedEntity.name", "Caisse de dépôt du Sénégal")
            .Set("applicant.accreditedEntity.kind", "NationalDirectAccess"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ae = (await browser.StoredAsync(id)).Proposal.Applicant.AccreditedEntity;
        Assert.Null(ae.DirectoryId);
        Assert.Equal("Caisse de dépôt du Sénégal", ae.Name);
        Assert.Equal(AccessModality.Direct, ae.AccessModality);
    }

    [Fact]
    public async Task Post_AnIdNotInTheDirectory_ShowsTheError_AndSavesNothing()
    {
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var response = await browser.SubmitStepAsync(id, "partners", "save", f => f.Set(Picker, "APL000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        Assert.NotNull(page.Find(".error-summary"));
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    [Fact]
    public async Task PickedScope_IsWhatTheAccreditationRuleChecks()
    {
        // A micro-size AE cannot carry the Tamale project (small): R-005 says so from the directory's values.
        var id = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var micro = Features.EntityDirectory.AeDirectory.Shipped.Entries.First(e => e.MaxSize == SizeCategory.Micro);

        await browser.SubmitStepAsync(id, "partners", "save", f => f.Set(Picker, micro.Id));

        var proposal = (await browser.StoredAsync(id)).Proposal;
        Assert.Equal(SizeCategory.Micro, proposal.Applicant.AccreditedEntity.Scope.MaxSize);
        var report = new ProposalValidation(new RuleCatalogue(RuleSettings.Default)).Validate(proposal);
        Assert.Contains(report.Findings, f => f.RuleId == "R-005" && f.Paths.Contains("$.applicant.accreditedEntity.scope.maxSize"));
    }
}
