using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using FinanceBuilder.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// A package sent as one zip: its documents, then its attached files copied from the store as
/// the response goes (PackageAnnexes.WriteZipAsync). The files are found through the database's
/// filters — those of the proposal for its editors, those frozen with a submitted version for a
/// donor — so a package can only carry files its reader may download one by one.
public sealed class PackageDownload(string fileName, IReadOnlyList<PackageFile> documents, IReadOnlyList<PackageAnnex> annexes,
    IReadOnlyDictionary<string, AnnexFileRecord> stored, ContentStore contents, DateTimeOffset now) : IActionResult, IResult
{
    /// The package of the proposal being written: the files its document lists now.
    public static async Task<PackageDownload> OfProposalAsync(GeneratedPackage package, Guid proposalId, FinanceBuilderDbContext db, ContentStore contents, CancellationToken ct)
    {
        var ids = package.Annexes.Select(a => AttachedFiles.IdOf(a.File)).OfType<Guid>().ToList();
        var stored = ids.Count == 0 ? [] : await db.AnnexFiles.AsNoTracking()
            .Where(f => f.ProposalId == proposalId && ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id.ToString("N"), ct);
        return new PackageDownload(package.Zip.Name, package.Files, package.Annexes, stored, contents, package.GeneratedAt);
    }

    /// What downloading a submitted version's package gives, wherever it is asked for (the
    /// applicant's version page, the donor's review workspace): the stored zip as it is when the
    /// version froze no file, else the same documents with its files under annexes/ — the zip's
    /// own manifest lists them, so a package without them would contradict itself.
    public static async Task<IActionResult> ForSubmissionAsync(Data.Submissions.SubmissionPackage package, Guid submissionId, string storedDocument,
        FinanceBuilderDbContext db, ContentStore contents, CancellationToken ct)
    {
        var snapshot = FinanceBuilder.Web.Proposals.Json.ProposalJson.FromStored(storedDocument);
        if (!AttachedFiles.All(snapshot).Any())
            return new FileContentResult(package.Content, "application/zip") { FileDownloadName = package.FileName }; // Content-Disposition: attachment
        return await OfSubmissionAsync(package.FileName, package.Content, submissionId, snapshot, db, contents, ct);
    }

    /// The package of a submitted version: the documents stored with it, and the files frozen with it.
    public static async Task<PackageDownload> OfSubmissionAsync(string fileName, byte[] storedZip, Guid submissionId, FinanceBuilder.Web.Proposals.Model.Proposal snapshot,
        FinanceBuilderDbContext db, ContentStore contents, CancellationToken ct)
    {
        var documents = new List<PackageFile>();
        var generated = DateTimeOffset.UtcNow;
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(storedZip), System.IO.Compression.ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                var bytes = new MemoryStream();
                await content.CopyToAsync(bytes, ct);
                documents.Add(new PackageFile("stored", entry.FullName, "", bytes.ToArray()));
                generated = entry.LastWriteTime;
            }
        }
        var stored = await db.SubmissionFiles.Where(s => s.SubmissionId == submissionId)
            .Join(db.AnnexFiles, s => s.AnnexFileId, f => f.Id, (s, f) => f).AsNoTracking()
            .ToDictionaryAsync(f => f.Id.ToString("N"), ct);
        return new PackageDownload(fileName, documents, PackageAnnexes.Of(snapshot), stored, contents, generated);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "application/zip";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        await WriteAsync(response.Body, httpContext.RequestAborted);
    }

    public Task WriteAsync(Stream output, CancellationToken ct) =>
        // A file listed but no longer found (it cannot be, short of a restored backup) is left
        // out rather than breaking the download half-way.
        PackageAnnexes.WriteZipAsync(output, documents, [.. annexes.Where(a => stored.ContainsKey(a.File.Id))],
            async (annex, token) => await contents.OpenAsync(stored[annex.File.Id], token) ?? throw new IOException($"The stored content of {annex.EntryName} is missing."),
            now, ct);
}
