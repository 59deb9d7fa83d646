using FinanceBuilder.Templates.Tests.Pdf;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// Each package's validation report names the document it goes with and that document's own
/// template version: a concept note's report never says it follows the funding-proposal template.
public sealed class ValidationReportPackTests
{
    [Theory]
    [InlineData("gcf-concept-note", "en", "GCF-CN-V2.2")]
    [InlineData("gcf-funding-proposal", "fr", "GCF-FP-V3.0")]
    [InlineData("gcf-sap", "en", "GCF-SAP-FP-2022")]
    public async Task Report_NamesItsPack_AndThePacksTemplateVersion(string pack, string lang, string version)
    {
        var package = await TestPackages.BuildAsync(Samples.ReadText(GoldenFiles.Sample), pack, lang);

        var text = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", PdfLayoutChecks.PageTexts(package.File("report-pdf")!.Content)), @"\s+", " ");

        Assert.Contains(lang == "fr" ? $"(modèle du Fonds {version})" : $"(funder's template {version})", text, StringComparison.Ordinal);
        // The rules it was checked against: how many of the catalogue, for this type of application.
        var route = FinanceBuilder.Web.Features.Documents.TemplatePacks.RouteOf(PackTestKit.Pack(pack))!.Value;
        var rules = FinanceBuilder.Web.Rules.RuleCatalogue.All.Count(r => r.Routes.Contains(route));
        Assert.Contains(lang == "fr" ? $"les {rules} contrôles du catalogue" : $"the {rules} checks of FinanceBuilder's GCF rule catalogue", text, StringComparison.Ordinal);
    }
}
