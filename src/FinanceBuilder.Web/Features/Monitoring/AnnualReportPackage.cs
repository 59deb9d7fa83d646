using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The annual performance report's package: the APR pack's document as PDF and DOCX, a workbook
/// of the indicator values and financials, the report as JSON, and a manifest with each file's
/// SHA-256, in one zip — drawn by the same engine as a proposal's package. A report whose checks
/// found an error is a draft, and every page and file name says so.
public sealed class AnnualReportPackage(TemplatePacks packs, TimeProvider clock)
{
    public const string PackId = "gcf-apr";

    public sealed record Result(string Stem, bool Draft, IReadOnlyList<PackageFile> Files, PackageFile Zip);

    public TemplatePack? Pack => packs.ReportPacks.GetValueOrDefault(PackId);

    public Result Build(AnnualReport report, string language)
    {
        var pack = Pack ?? throw new InvalidOperationException($"The template pack {PackId} is not installed.");
        var culture = CultureInfo.GetCultureInfo(pack.Manifest.Languages.Contains(language) ? language : "en");
        var now = clock.GetUtcNow();
        var draftWord = ProposalText.Get("Document.Draft", culture);
        var packName = pack.Manifest.NameIn(culture.TwoLetterISOLanguageName);
        var markdown = pack.RenderMarkdown(AnnualReportModel.For(report, culture, DateOnly.FromDateTime(now.UtcDateTime)), culture.TwoLetterISOLanguageName);
        var document = MarkdownReader.Read(markdown);
        var info = new DocumentInfo
        {
            Title = $"{packName} {report.Year.ToString(CultureInfo.InvariantCulture)} — {report.Title}",
            Author = "",
            Subject = packName,
            Language = culture.TwoLetterISOLanguageName,
            Header = $"{packName} {report.Year.ToString(CultureInfo.InvariantCulture)} — {report.Title}",
            Labels = new DocumentLabels(ProposalText.Get("Document.PageOfTotal", culture), ProposalText.Get("Document.Contents", culture), draftWord),
            Draft = report.HasErrors,
            Created = now,
        };
        byte[] pdf = [], docx = [], xlsx = [];
        Parallel.Invoke(
            () =>
            {
                var output = new MemoryStream();
                PdfRenderer.Render(document, info, DocumentTheme.Default, output);
                pdf = output.ToArray();
            },
            () =>
            {
                var output = new MemoryStream();
                DocxRenderer.Render(document, info, DocumentTheme.Default, output);
                docx = output.ToArray();
            },
            () =>
            {
                var output = new MemoryStream();
                TableWorkbook.Write(AnnualReportSheets.For(report, culture), info.Title, culture.TwoLetterISOLanguageName, report.HasErrors ? draftWord : null, output);
                xlsx = output.ToArray();
            });
        var json = JsonSerializer.SerializeToUtf8Bytes(AnnualReportJson.From(report, culture), AnnualReportJson.Options);
        var parts = new FileNameParts(report.Title, null, report.Year.ToString(CultureInfo.InvariantCulture), culture.TwoLetterISOLanguageName, DateOnly.FromDateTime(now.UtcDateTime));
        var stem = PackageFileName.Stem(report.HasErrors ? pack.Manifest.FileName + "-" + draftWord : pack.Manifest.FileName, parts);
        var files = new List<PackageFile>
        {
            new("pdf", $"{stem}.pdf", "application/pdf", pdf),
            new("docx", $"{stem}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
            new("xlsx", $"{stem}-values.xlsx", BudgetWorkbook.ContentType, xlsx),
            new("json", $"{stem}.json", "application/json", json),
        };
        var manifest = new
        {
            template = new { id = pack.Manifest.Id, name = packName, version = pack.Manifest.TemplateVersion, funder = pack.Manifest.Funder },
            language = culture.TwoLetterISOLanguageName,
            year = report.Year,
            generatedAt = now,
            draft = report.HasErrors,
            files = files.Select(f => new { name = f.Name, bytes = f.Content.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)) }),
        };
        files.Add(new("manifest", "manifest.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(manifest, AnnualReportJson.Options)));
        return new Result(stem, report.HasErrors, files, new PackageFile(GeneratedPackage.ZipKind, $"{stem}.zip", "application/zip", PackageBuilder.Zip(files, now)));
    }
}
