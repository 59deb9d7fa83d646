using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Annexes;

/// The three limits on uploaded files, as settings (issue 15): a file, a proposal's files, and the
/// space all of an organisation's files take — each refusal says which limit and keeps nothing,
/// and the same content stored twice counts once against the organisation's space.
public sealed class AnnexLimitTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private const int MegaByte = 1024 * 1024;

    // 1 MB a file, 2 MB a proposal, 3 MB an organisation: the smallest the settings allow.
    private readonly AppFactory app = new(settings: new Dictionary<string, string?>
    {
        ["FinanceBuilder:Annexes:MaxFileMegabytes"] = "1",
        ["FinanceBuilder:Annexes:MaxProposalMegabytes"] = "2",
        ["FinanceBuilder:Annexes:OrganisationQuotaMegabytes"] = "3",
    });

    private readonly WizardBrowser browser;

    public AnnexLimitTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await AnnexFilesClient.ReadAsync(response)).Get(".error-summary").TextContent;
    }

    private async Task<int> FilesAsync()
    {
        using var db = app.OpenDb();
        return await db.AnnexFiles.CountAsync();
    }

    [Fact]
    public async Task AFileAboveItsLimit_IsRefused_SayingTheLimit_AndNothingIsKept()
    {
        var id = await browser.SeedSampleAsync(Sample);
        var version = await browser.StoredVersionAsync(id);

        var message = await RefusalAsync(await browser.Client.AttachAsync(id, "2", ("Study.pdf", UploadFixtures.PdfOfSize(MegaByte + MegaByte / 2))));

        Assert.Contains("a file may be at most 1 MB", message, StringComparison.Ordinal);
        Assert.Equal(version, await browser.StoredVersionAsync(id));
        Assert.Equal(0, await FilesAsync());
    }

    [Fact]
    public async Task TheProposalsFiles_AndTheOrganisationsSpace_AreLimited_AndTheSameContentCountsOnce()
    {
        var first = await browser.SeedSampleAsync(Sample);
        var a = UploadFixtures.PdfOfSize(900_000, 1);
        var b = UploadFixtures.PdfOfSize(900_000, 2);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(first, "2", ("A.pdf", a))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(first, "3", ("B.pdf", b))).StatusCode);

        // A third file would take the proposal past its 2 MB.
        var full = await RefusalAsync(await browser.Client.AttachAsync(first, "4", ("C.pdf", UploadFixtures.PdfOfSize(900_000, 3))));
        Assert.Contains("would take more than 2 MB", full, StringComparison.Ordinal);
        Assert.Equal(2, await FilesAsync());

        // Another proposal of the organisation: 1.8 MB are taken of its 3 MB.
        var second = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(second, "2", ("D.pdf", UploadFixtures.PdfOfSize(900_000, 4)))).StatusCode);
        var quota = await RefusalAsync(await browser.Client.AttachAsync(second, "3", ("E.pdf", UploadFixtures.PdfOfSize(900_000, 5))));
        Assert.Contains("Your organisation's files would take more than its 3 MB", quota, StringComparison.Ordinal);
        // A content it already stores takes no more space: accepted however full the space is.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(second, "3", ("A again.pdf", a))).StatusCode);
        Assert.Equal(4, await FilesAsync());
    }

    /// The folder store (Annexes:Store=Folder): the file lands once under its content's name in the
    /// organisation's folder and downloads whole.
    [Fact]
    public async Task TheFolderStore_KeepsEachContentOnce_AndServesIt()
    {
        var folder = Directory.CreateTempSubdirectory("fb-annex-folder-").FullName;
        try
        {
            using var folderApp = new AppFactory(settings: new Dictionary<string, string?>
            {
                ["FinanceBuilder:Annexes:Store"] = "Folder",
                ["FinanceBuilder:Annexes:Folder"] = folder,
            });
            using var officer = new WizardBrowser(folderApp);
            var id = await officer.SeedSampleAsync(Sample);
            var pdf = UploadFixtures.PdfOfSize(200_000, 7);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));

            Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.AttachAsync(id, "2", ("Study.pdf", pdf))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.AttachAsync(id, "3", ("Study copy.pdf", pdf))).StatusCode);

            var stored = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            Assert.Equal(sha, Path.GetFileName(Assert.Single(stored)));
            Assert.Equal(pdf, await File.ReadAllBytesAsync(stored[0]));
            var fileId = (await officer.StoredAsync(id)).Proposal.Annexes.Single(a => a.Number == "2").Files[0].Id;
            Assert.Equal(pdf, await (await officer.Client.GetAsync($"/proposals/{id}/annexes/files/{fileId}")).Content.ReadAsByteArrayAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
