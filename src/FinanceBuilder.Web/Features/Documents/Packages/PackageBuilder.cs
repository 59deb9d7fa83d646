using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Templates.Scripting;
using FinanceBuilder.Templates.Workbook;
using FinanceBuilder.Web.Features.Documents.Workbook;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// Makes the funding package (design D3): the pack's document as PDF and DOCX, the budget
/// workbook, the proposal JSON, the validation report (PDF and JSON) and manifest.json with a
/// SHA-256 per file, all in one zip. A proposal with error-level findings gives a draft: every
/// page of its documents says so. The wizard page, the API and the command line all call this.
public sealed class PackageBuilder(TemplatePacks packs, ProposalReader reader, ProposalValidation validation, TimeProvider clock, ILogger<PackageBuilder> logger) : IDisposable
{
    /// Generations at once: each takes a core for some tens of milliseconds and some megabytes;
    /// beyond this a request waits rather than pushing the server out of memory.
    private readonly SemaphoreSlim slots = new(Math.Max(2, Environment.ProcessorCount));

    public void Dispose() => slots.Dispose();

    /// Builds the package of the saved proposal <paramref name="json"/> with pack
    /// <paramref name="packId"/> in <paramref name="language"/>; messages in <paramref name="culture"/>.
    /// Without a pack, the one of the proposal's type of application; without a language, the
    /// proposal's own when the pack writes it, else English (DocumentLanguages).
    /// <param name="pictures">The reader's view of the stored files, for the pictures the documents show; null for a proposal read from a file, which has no stored files (its location map is still drawn).</param>
    /// <param name="engagement">The participation records' evidence with every input (EngagementRecords): the
    /// check reads it and a GCF package gets its stakeholder-engagement annex from it; null for a proposal read from a file.</param>
    public async Task<(GeneratedPackage? Package, PackageProblem? Problem)> BuildAsync(string json, string? packId, string? language, CultureInfo culture, CancellationToken ct,
        DocumentPictures? pictures = null, EngagementEvidence? engagement = null)
    {
        var read = reader.Read(Encoding.UTF8.GetBytes(json), culture);
        if (!read.Succeeded)
            return (null, new PackageProblem(StatusCodes.Status422UnprocessableEntity, read.Errors[0].Message));
        EngagementEvidence.Attach(read.Proposal!, engagement);
        packId ??= packs.PackFor(read.Proposal!.Target.Route) ?? "";
        if (!packs.Packs.TryGetValue(packId, out var pack))
            return (null, new PackageProblem(StatusCodes.Status400BadRequest, Messages.Format(culture, "UnknownValue", "template", packId, string.Join(", ", packs.Packs.Keys))));
        // Without a choice, the answers' language if the pack writes it, else English (DocumentLanguages).
        language ??= DocumentLanguages.DefaultFor(read.Proposal!.Language, pack);
        if (!pack.Sections.ContainsKey(language) || !Enum.TryParse<Language>(language, ignoreCase: true, out var documentLanguage))
            return (null, new PackageProblem(StatusCodes.Status400BadRequest, Messages.Format(culture, "UnknownValue", "lang", language, string.Join(", ", pack.Manifest.Languages))));

        var images = pictures is null ? DocumentPictures.WithoutFiles(read.Proposal!) : await pictures.LoadAsync(read.Proposal!, ct);
        await slots.WaitAsync(ct);
        try
        {
            return (Build(json, read.Proposal!, pack, documentLanguage, images), null);
        }
        catch (TemplateException e)
        {
            // The pack failed on this proposal (too long, too slow): the pack's problem, logged in
            // full, told to the user plainly.
            logger.LogError("Package {Pack} ({Language}): {Problem}", packId, language, e.Message);
            return (null, new PackageProblem(StatusCodes.Status422UnprocessableEntity, ProposalText.Format(culture, "Package.Failed", e.Reason)));
        }
        finally
        {
            slots.Release();
        }
    }

    private GeneratedPackage Build(string json, Proposal proposal, TemplatePack pack, Language language, IReadOnlyDictionary<string, FinanceBuilder.Templates.Content.DocumentImage>? images)
    {
        // The proposal was read for this package only: its documents are written in the chosen
        // language (user text stays as typed).
        proposal.Language = language;
        var culture = new CultureInfo(language.ToString().ToLowerInvariant());
        var now = clock.GetUtcNow();
        // One check in two halves: every rule now, the length rules once the PDF is laid out.
        var before = validation.ValidateBeforeLayout(proposal, TemplatePacks.RouteOf(pack) ?? proposal.Target.Route ?? Route.FundingProposal);
        var title = proposal.Basics.Title is { Length: > 0 } t ? t : ProposalText.Get("Ui.Untitled", culture);
        var draftWord = ProposalText.Get("Document.Draft", culture);
        var packName = pack.Manifest.NameIn(culture.TwoLetterISOLanguageName);
        var info = new DocumentInfo
        {
            Title = title,
            Author = proposal.Applicant.AccreditedEntity.Name ?? "",
            Subject = packName,
            Language = culture.TwoLetterISOLanguageName,
            Header = $"{packName} — {title}", // the PDF shortens it at a word to fit its line
            Labels = new DocumentLabels(ProposalText.Get("Document.PageOfTotal", culture), ProposalText.Get("Document.Contents", culture), draftWord),
            Draft = before.HasErrors,
            Created = now,
        };
        var theme = DocumentTheme.Default;
        // Unanswered questions are written for a draft or a final document as the first half of
        // the check says; a SAP the length rules make a draft keeps its final wording.
        var document = DocumentModel.Document(pack, proposal, before, culture.TwoLetterISOLanguageName, images);
        var words = WordCount.Of(document);

        // The PDF is laid out, measured and checked on one thread while the DOCX and the workbook
        // are drawn beside it, marked as the first half of the check says; in the rare case the
        // length rules turn a clean proposal into a draft (a SAP over both its limits), those two
        // are drawn again with the mark.
        var pdf = new MemoryStream();
        var reportPdf = new MemoryStream();
        var report = before;
        byte[] docx = [], xlsx = [];
        // The stakeholder-engagement annex of a GCF funding proposal or SAP, once every input has
        // its response.
        var engagement = EngagementEvidence.Of(proposal);
        var annex = engagement is not null && before.Route is Route.FundingProposal or Route.Sap
            ? StakeholderEngagementAnnex.For(title, proposal, engagement, culture) : null;
        var annexPdf = new MemoryStream();
        byte[] annexDocx = [];
        Parallel.Invoke(
            () =>
            {
                using var laid = PdfRenderer.Lay(document, info, theme);
                report = ProposalValidation.WithLength(before, proposal, new DocumentLength(laid.PageCount, words));
                laid.Paint(info with { Draft = report.HasErrors }, pdf);
                var reportInfo = info with { Draft = report.HasErrors, Subject = ProposalText.Get("Report.Title", culture), Header = $"{ProposalText.Get("Report.Title", culture)} — {title}" };
                PdfRenderer.Render(ValidationReportDocument.For(title, report, culture, now, new ValidationReportDocument.Pack(packName, pack.Manifest.TemplateVersion)), reportInfo, theme, reportPdf);
            },
            () => docx = Docx(document, info),
            () => xlsx = Workbook(proposal, before.Route, before.HasErrors, draftWord),
            () =>
            {
                if (annex is null)
                    return;
                var annexInfo = info with { Subject = ProposalText.Get("Annex.Engagement.Title", culture), Header = $"{ProposalText.Get("Annex.Engagement.Title", culture)} — {title}", Draft = before.HasErrors };
                PdfRenderer.Render(annex, annexInfo, theme, annexPdf);
                annexDocx = Docx(annex, annexInfo);
            });
        if (report.HasErrors != before.HasErrors)
        {
            docx = Docx(document, info with { Draft = report.HasErrors });
            xlsx = Workbook(proposal, report.Route, report.HasErrors, draftWord);
        }
        var reportJson = JsonSerializer.SerializeToUtf8Bytes(Validation.ValidationReportView.From(report, culture), Validation.ValidationReportView.JsonOptions);

        // A draft says so in its file names too, so it is not mistaken for the final package.
        var entity = proposal.Applicant.AccreditedEntity.Name
            ?? proposal.Basics.Countries.Select(c => CountryList.Name(c.Code, culture)).FirstOrDefault();
        var parts = new FileNameParts(proposal.Basics.Title ?? proposal.Applicant.Proponent.Name, entity, proposal.Basics.VersionNumber,
            culture.TwoLetterISOLanguageName, DateOnly.FromDateTime(now.UtcDateTime));
        var stem = PackageFileName.Stem(report.HasErrors ? pack.Manifest.FileName + "-" + draftWord : pack.Manifest.FileName, parts);
        var pages = report.Length!.Pages;
        var annexes = PackageAnnexes.Of(proposal);
        var files = new List<PackageFile>
        {
            new("pdf", $"{stem}.pdf", "application/pdf", pdf.ToArray()),
            new("docx", $"{stem}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx),
            new("xlsx", $"{stem}-budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx),
            new("json", $"{stem}-proposal.json", "application/json", Encoding.UTF8.GetBytes(json)),
            new("report-pdf", $"{stem}-validation-report.pdf", "application/pdf", reportPdf.ToArray()),
            new("report-json", $"{stem}-validation-report.json", "application/json", reportJson),
        };
        if (annex is not null)
        {
            var annexStem = $"{stem}-{ProposalText.Get("Annex.Engagement.File", culture)}";
            files.Add(new("engagement-pdf", $"{annexStem}.pdf", "application/pdf", annexPdf.ToArray()));
            files.Add(new("engagement-docx", $"{annexStem}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", annexDocx));
        }
        var manifest = new PackageManifestFile(
            new PackageManifestFile.TemplateInfo(pack.Manifest.Id, packName, pack.Manifest.TemplateVersion, pack.Manifest.Funder),
            culture.TwoLetterISOLanguageName,
            proposal.SchemaVersion,
            now,
            report.HasErrors,
            new PackageManifestFile.DocumentFigures(pages, words, report.Limits?.Pages, report.Limits?.Words),
            [.. files.Select(f => new PackageManifestFile.FileEntry(f.Name, f.Content.Length, Convert.ToHexStringLower(SHA256.HashData(f.Content)))),
             .. annexes.Select(a => new PackageManifestFile.FileEntry(a.EntryName, a.File.Bytes ?? 0, a.File.Sha256 ?? "") { Annex = a.Annex, Kind = a.File.Kind?.ToString().ToLowerInvariant(), Cautions = a.File.Cautions is { Count: > 0 } cautions ? [.. cautions.Select(c => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.ToString()))] : null })]);
        files.Add(new("manifest", "manifest.json", "application/json", JsonSerializer.SerializeToUtf8Bytes(manifest, PackageManifestFile.JsonOptions)));
        return new GeneratedPackage(stem, report, pages, words, files, new PackageFile(GeneratedPackage.ZipKind, $"{stem}.zip", "application/zip", Zip(files, now)), annexes, now);
    }

    private static byte[] Docx(ContentDocument document, DocumentInfo info)
    {
        var output = new MemoryStream();
        DocxRenderer.Render(document, info, DocumentTheme.Default, output);
        return output.ToArray();
    }

    private static byte[] Workbook(Proposal proposal, Route route, bool draft, string draftWord)
    {
        var output = new MemoryStream();
        var sheet = BudgetSheetMapper.For(proposal, route);
        BudgetWorkbook.Write(draft ? sheet with { Title = $"{draftWord} — {sheet.Title}", DraftMark = draftWord } : sheet, output);
        return output.ToArray();
    }

    /// The files in one zip, each compressed as its kind allows (the annual report packages use it too).
    public static byte[] Zip(IReadOnlyList<PackageFile> files, DateTimeOffset now)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, PackageAnnexes.Level(file.Name));
                entry.LastWriteTime = now;
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return output.ToArray();
    }
}
