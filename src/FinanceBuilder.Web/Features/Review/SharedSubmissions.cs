using System.IO.Compression;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// What every review page reads about one submission. Only through the query filters: a
/// submission that is not shared with the reader's organisation (or no longer is — the share row
/// is read on every request, T03) is simply not found, and the page answers 404.
public static class SharedSubmissions
{
    /// The files of a package a reviewer may download one by one: the documents, the budget
    /// workbook and the validation report (the JSON files travel in the zip).
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public sealed record Header(SubmissionRecord Submission, string Applicant);

    public static async Task<Header?> FindAsync(FinanceBuilderDbContext db, Guid id, CancellationToken ct)
    {
        var found = await (from s in db.Submissions.AsNoTracking()
                           where s.Id == id
                           join o in db.Organisations on s.OrganisationId equals o.Id
                           select new { s, o.Name }).FirstOrDefaultAsync(ct);
        return found is null ? null : new Header(found.s, found.Name);
    }

    public sealed record PackageFile(string Name, string ContentType, long Length);

    /// The stored zip, or null when the submission has none (or is not visible).
    public static Task<SubmissionPackage?> PackageAsync(FinanceBuilderDbContext db, Guid id, CancellationToken ct) =>
        db.SubmissionPackages.AsNoTracking().FirstOrDefaultAsync(p => p.SubmissionId == id, ct);

    /// The downloadable entries of the zip, by their names in the zip: the only names the file
    /// page accepts.
    public static IReadOnlyList<PackageFile> Files(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries
            .Where(e => e.FullName == e.Name && ContentTypes.ContainsKey(Path.GetExtension(e.Name)))
            .Select(e => new PackageFile(e.Name, ContentTypes[Path.GetExtension(e.Name)], e.Length))
            .ToList();
    }

    /// One entry of the zip by its exact name, or null: the name is compared with the zip's own
    /// list, never used as a path.
    public static (byte[] Content, string ContentType)? Extract(byte[] zip, string name)
    {
        if (Files(zip).FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal)) is not { } file)
            return null;
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = archive.Entries.First(e => string.Equals(e.FullName, file.Name, StringComparison.Ordinal));
        using var stream = entry.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), file.ContentType);
    }
}
