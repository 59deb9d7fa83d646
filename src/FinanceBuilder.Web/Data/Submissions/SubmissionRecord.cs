namespace FinanceBuilder.Web.Data.Submissions;

/// A submitted version of a proposal: an immutable snapshot (V.001, V.002 … rule R-004) with
/// the package generated from it, who submitted it and when, and the key figures donors sort
/// and compare on (copied here so the review list never opens documents).
public sealed class SubmissionRecord
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner at submission.
    public Guid OrganisationId { get; set; }
    public int Number { get; set; }
    public DateTime SubmittedAt { get; set; }
    public Guid SubmittedByUserId { get; set; }
    public string SubmittedByName { get; set; } = "";
    /// The key the browser sent with the submit button: the same key is the same submission.
    public string IdempotencyKey { get; set; } = "";
    /// The proposal's stored version that was frozen.
    public int ProposalVersion { get; set; }
    public string Document { get; set; } = "";
    /// The participation records' evidence at submission, with every input and its response (the
    /// version's stakeholder-engagement annex is drawn from it); null for a version submitted before.
    public string? Engagement { get; set; }
    public string? Title { get; set; }
    public string Fund { get; set; } = "";
    public string? Route { get; set; }
    public string? Country { get; set; }
    public decimal? TotalUsd { get; set; }
    public decimal? GcfRequestUsd { get; set; }
    public decimal? EmissionReductionsTco2 { get; set; }
    public long? Beneficiaries { get; set; }
    public string? Size { get; set; }
    public string? EssCategory { get; set; }
    /// Readiness score 0–100 at submission (docs/readiness.md).
    public int? Readiness { get; set; }
    /// The Board meeting the applicant targets: a donor's review is due before it unless the
    /// donor sets its own deadline.
    public DateOnly? TargetBoardDate { get; set; }
    public int ErrorCount { get; set; }
    public bool IsDraftPackage { get; set; }
    /// The proposal was deleted: the version and its package are kept in the database for the
    /// record but nobody reaches them any more (the query filter), as the README's retention rule
    /// says.
    public bool ProposalDeleted { get; set; }

    public string VersionLabel => FormatVersion(Number);

    public static string FormatVersion(int number) => $"V.{number:000}";

    /// A file of this version under a name that says which version it is ("…-V002.pdf"): a
    /// reviewer who downloads V.001 and V.002 keeps both.
    public static string VersionedFileName(string name, int number) =>
        name.Contains($"-V{number:000}", StringComparison.Ordinal) // the pack's name already says it
            ? name
            : Path.GetFileNameWithoutExtension(name) + $"-V{number:000}" + Path.GetExtension(name);
}
