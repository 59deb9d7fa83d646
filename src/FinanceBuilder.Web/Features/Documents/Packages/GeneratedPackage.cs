namespace FinanceBuilder.Web.Features.Documents.Packages;

/// One file of a package, ready to download on its own or inside the zip.
public sealed record PackageFile(string Kind, string Name, string ContentType, byte[] Content);

/// A generated funding package: its files, the zip holding the documents, the check its
/// documents went with (findings, figures, the measured length against the funder's limits), the
/// main document's pages and words, and the attached files the full zip adds under annexes/
/// (PackageAnnexes: streamed from the store when the package is sent, never held here).
public sealed record GeneratedPackage(string Stem, Rules.ValidationReport Report, int Pages, int Words, IReadOnlyList<PackageFile> Files, PackageFile Zip,
    IReadOnlyList<PackageAnnex> Annexes, DateTimeOffset GeneratedAt)
{
    /// Whether the package is a draft: its check found errors, and every page says so.
    public bool Draft => Report.HasErrors;

    public const string ZipKind = "zip";

    /// The zip, or one file by kind (pdf, docx, xlsx, json, report-pdf, report-json, manifest); null when unknown.
    public PackageFile? File(string kind) => kind == ZipKind ? Zip : Files.FirstOrDefault(f => f.Kind == kind);
}

/// Why a package could not be made, in the reader's language.
public sealed record PackageProblem(int Status, string Message);
