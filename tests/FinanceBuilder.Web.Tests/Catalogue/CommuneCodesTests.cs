using System.Net;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Territories;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// An action drafted from a proposal takes its communes' official codes from the library of
/// territorial indicators when one place of the country has that name, and only then.
public sealed class CommuneCodesTests
{
    private static readonly (string Code, string Name)[] Places =
    [
        ("97209", "Fort-de-France"), ("29058", "Douarnenez"), ("22001", "Saint-Brieuc"),
        ("01098", "Cessy"), ("71071", "Cessy"), // two communes of that name
    ];

    [Fact]
    public void ACommune_TakesTheCodeOfItsOnePlace_CaseAccentsAndHyphensAside_ButNeverAHomonymsOrOne()
    {
        List<ActionCommune> communes =
        [
            new() { Name = "FORT DE FRANCE" }, new() { Name = "Saint Brieuc" }, new() { Name = "Cessy" },
            new() { Name = "Douarnenez", Code = "29999" }, new() { Name = "Quimper" }, new() { Name = "Dòuarnenez" },
        ];

        CommuneCodes.Fill(communes, Places);

        Assert.Equal(["97209", "22001", null, "29999", null, "29058"], communes.Select(c => c.Code));
    }

    [Fact]
    public async Task AnActionFromAProposal_ShowsTheCodeTheLibraryKnows_ForTheEditorToCheck()
    {
        using var app = new AppFactory();
        using var browser = new WizardBrowser(app);
        var upload = await browser.UploadValuesAsync("Census Tamale", IndicatorClient.Header + "\r\n"
            + "FB-POPULATION,GH,GH-0816,TAMALE METROPOLITAN AREA,2021,374744,Ghana Statistical Service,2021-09-22,CC-BY-4.0\r\n");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var proposal = await browser.SeedSampleAsync("mitigation-tamale-solar-led.json");

        var id = await browser.NewActionAsync(proposal);

        var edit = await browser.OpenAsync($"/catalogue/{id}/edit");
        Assert.Equal("Tamale Metropolitan Area / GH-0816", edit.Get("#communes").TextContent.Trim());
    }
}
