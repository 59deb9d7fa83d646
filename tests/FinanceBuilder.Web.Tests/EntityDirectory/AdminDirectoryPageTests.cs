using System.Net;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Organisations;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.EntityDirectory;

/// /admin/directory: a platform administrator replaces the directory with a checked CSV, or
/// goes back to the shipped list; the wizard offers whatever is in use; every change is kept.
public sealed class AdminDirectoryPageTests : IDisposable
{
    private const string Admin = "admin@platform.test";
    private const string Url = "/admin/directory";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<HttpClient> AdminAsync(string? language = null)
    {
        await app.CreateUserAsync(Admin, AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin, platformAdmin: true);
        return await app.SignedInClientAsync(Admin, language);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var html = await client.GetStringAsync(Url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(TestAccounts.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "directory.csv" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + "?handler=Upload") { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }

    private const string NewEntity = "sn-cdc,Caisse des dépôts et consignations du Sénégal,CDC,direct_national,Sénégal,public,small,B/I-2,yes,yes,yes,no,https://example.test/b44-13,2026-11-20";

    [Fact]
    public async Task Get_ShowsTheShippedList_InUse()
    {
        using var admin = await AdminAsync();

        var page = await admin.OpenAsync(Url);

        Assert.Contains("the list shipped with FinanceBuilder, 103 entities", page.Get(".directory-current").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("form[action='/admin/directory?handler=Upload'][enctype='multipart/form-data'] input[type=file][name=file]"));
        Assert.NotNull((await admin.OpenAsync("/admin")).Find("a[href='/admin/directory']"));
    }

    [Fact]
    public async Task Upload_ValidFile_IsUsedByTheWizard_AndTheChangeIsAudited()
    {
        using var admin = await AdminAsync();

        var response = await UploadAsync(admin, DirectoryCsvTests.File(NewEntity));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Url + "?done=uploaded", response.Location());
        using (var db = app.OpenDb())
        {
            var change = await db.DirectoryVersions.SingleAsync();
            Assert.Equal("upload", change.Action);
            Assert.Equal("admin", change.UserName); // the display name
            Assert.Equal(1, change.EntryCount);
        }
        var page = await admin.OpenAsync(Url + "?done=uploaded");
        Assert.Contains("1 entities, uploaded by admin", page.Get(".directory-current").TextContent, StringComparison.Ordinal);
        Assert.Contains("Uploaded directory.csv", page.Get("table.directory-history").TextContent, StringComparison.Ordinal);
        Assert.Contains("Caisse des dépôts", await admin.GetStringAsync(Url + "?handler=Csv"), StringComparison.Ordinal);

        // The wizard now offers that list, and picking from it fills the AE.
        using var editor = new WizardBrowser(app);
        var id = await editor.SeedSampleAsync("mitigation-tamale-solar-led.json");
        var partners = await editor.OpenAsync(Urls.Step(id, "partners"));
        var values = partners.Document.QuerySelectorAll("select[name='applicant.accreditedEntity.directoryId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["sn-cdc", "other"], values);
        await editor.SubmitStepAsync(id, "partners", "save", f => f.Set("applicant.accreditedEntity.directoryId", "sn-cdc"));
        Assert.Equal("CDC", (await editor.StoredAsync(id)).Proposal.Applicant.AccreditedEntity.ShortName);
    }

    [Fact]
    public async Task Upload_FileWithBadCells_ListsEachByRowAndColumn_AndChangesNothing()
    {
        using var admin = await AdminAsync("fr");

        var response = await UploadAsync(admin, DirectoryCsvTests.File(NewEntity, "sn-cdc,Doublon,DBL,direct,,,,,,,,,src,"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        var errors = page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("Ligne 3, colonne id\u00a0:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Ligne 3, colonne access_modality\u00a0:", errors[1], StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Equal(0, await db.DirectoryVersions.CountAsync());
    }

    [Fact]
    public async Task Upload_WithoutAFile_SaysSo()
    {
        using var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync(Url, "main form[action='/admin/directory?handler=Upload']", _ => { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a CSV file", (await WizardPage.ReadAsync(response)).Get(".error-summary").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_BringsBackTheShippedList()
    {
        using var admin = await AdminAsync();
        await UploadAsync(admin, DirectoryCsvTests.File(NewEntity));

        var response = await admin.SubmitFormAsync(Url, "main form[action='/admin/directory?handler=Reset']", _ => { });

        Assert.Equal(Url + "?done=reset", response.Location());
        var page = await admin.OpenAsync(Url);
        Assert.Contains("103 entities", page.Get(".directory-current").TextContent, StringComparison.Ordinal);
        using var db = app.OpenDb();
        Assert.Equal(["reset", "upload"], await db.DirectoryVersions.OrderByDescending(v => v.Id).Select(v => v.Action).ToListAsync());
    }

    [Fact]
    public async Task AnEditor_CannotOpenOrChangeTheDirectory()
    {
        await app.CreateUserAsync("editor@a.test", AccessScope.WorkspaceOrganisationId, MemberRole.OrganisationAdmin);
        using var editor = await app.SignedInClientAsync("editor@a.test");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Url)).StatusCode);
        var refused = await editor.PostWithTokenAsync("/proposals/new", Url + "?handler=Reset");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var db = app.OpenDb();
        Assert.Equal(0, await db.DirectoryVersions.CountAsync());
    }
}
