using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review;

/// The donor's list: every submission shared with the reader's organisation (the query filter
/// decides which), with the key figures copied at submission, filtered, sorted and paged by the
/// database so that a donor with thousands of submissions gets the same answer as one with ten.
[Authorize(Policy = Policies.Reviewer)]
public sealed class ReviewListPage(FinanceBuilderDbContext db, AccessScope access) : PageModel
{
    public const int PageSize = 50;
    /// The most rows an export of the list holds (the filters narrow it).
    public const int ExportMax = 5000;

    public enum Column { Title, Applicant, Version, Submitted, Fund, Route, Country, Total, GcfRequest, Tco2, Beneficiaries, Size, Ess, Readiness, Status, Deadline, Assignee }

    public sealed record Row(
        Guid Id, string? Title, string Applicant, int Number, DateTime SubmittedAt, string Fund, string? Route, string? Country,
        decimal? TotalUsd, decimal? GcfRequestUsd, decimal? Tco2, long? Beneficiaries, string? Size, string? Ess, int? Readiness, bool Draft,
        ReviewStatus Status, DateOnly? Deadline)
    {
        /// The reviewers on it, in the order they were assigned; excluded ones are marked.
        public IReadOnlyList<(string Name, bool Excluded)> Reviewers { get; init; } = [];
    }

    [BindProperty(SupportsGet = true)] public string? Fund { get; set; }
    [BindProperty(SupportsGet = true)] public string? Route { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(SupportsGet = true)] public string? Size { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ess { get; set; }
    [BindProperty(SupportsGet = true, Name = "readiness")] public int? MinReadiness { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public ReviewStatus? StatusFilter { get; set; }
    /// Only the submissions the reader is a reviewer of.
    [BindProperty(SupportsGet = true)] public bool Mine { get; set; }
    /// Only those a given colleague reviews.
    [BindProperty(SupportsGet = true)] public Guid? Reviewer { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Reviewers { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Column? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }
    /// A checkbox with a hidden "false" before it: absent means the form was never sent, so the
    /// default (latest only) holds; "false" alone means the reader unticked it.
    [BindProperty(SupportsGet = true)] public string[] Latest { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// csv or xlsx: the list as filtered and sorted, every page, as the comparison exports it.
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public bool LatestOnly => Latest.Length == 0 || Latest.Contains("true", StringComparer.Ordinal);
    public bool Descending => string.Equals(Dir, "desc", StringComparison.Ordinal);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool AnyShared { get; private set; }
    public IReadOnlyList<string> Funds { get; private set; } = [];
    public IReadOnlyList<string> Routes { get; private set; } = [];
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<string> Sizes { get; private set; } = [];
    public IReadOnlyList<string> EssCategories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Format is not (null or "csv" or "xlsx"))
            return NotFound();
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        var visible = db.Submissions.AsNoTracking();
        AnyShared = await visible.AnyAsync(ct);
        // The filters offer what the shared submissions hold, exactly as stored.
        Funds = await visible.Select(s => s.Fund).Distinct().OrderBy(v => v).ToListAsync(ct);
        Routes = await visible.Where(s => s.Route != null).Select(s => s.Route!).Distinct().OrderBy(v => v).ToListAsync(ct);
        Countries = await visible.Where(s => s.Country != null).Select(s => s.Country!).Distinct().OrderBy(v => v).ToListAsync(ct);
        Sizes = await visible.Where(s => s.Size != null).Select(s => s.Size!).Distinct().OrderBy(v => v).ToListAsync(ct);
        EssCategories = await visible.Where(s => s.EssCategory != null).Select(s => s.EssCategory!).Distinct().OrderBy(v => v).ToListAsync(ct);
        // The colleagues on at least one of the organisation's panels (the filter: its own sheets).
        Reviewers = (await db.ReviewerSheets.AsNoTracking().Select(x => new { x.ReviewerUserId, x.ReviewerName }).Distinct().ToListAsync(ct))
            .DistinctBy(x => x.ReviewerUserId).OrderBy(x => x.ReviewerName, StringComparer.CurrentCultureIgnoreCase).Select(x => (x.ReviewerUserId, x.ReviewerName)).ToList();

        var query = visible;
        if (Fund is { Length: > 0 } fund)
            query = query.Where(s => s.Fund == fund);
        if (Route is { Length: > 0 } route)
            query = query.Where(s => s.Route == route);
        if (Country is { Length: > 0 } country)
            query = query.Where(s => s.Country == country);
        if (Size is { Length: > 0 } size)
            query = query.Where(s => s.Size == size);
        if (Ess is { Length: > 0 } ess)
            query = query.Where(s => s.EssCategory == ess);
        if (MinReadiness is { } minimum)
            query = query.Where(s => s.Readiness >= minimum);
        if (Search?.Trim() is { Length: > 0 } search)
        {
            var term = search.ToLowerInvariant();
            // Translated to SQL LOWER(title) LIKE …: the same case-insensitive match on SQLite and
            // PostgreSQL (the culture-aware overloads the analyzers prefer do not translate).
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(s => s.Title != null && s.Title.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (LatestOnly)
        {
            // Latest among the versions this donor sees (all of a shared proposal's).
            query = query.Where(s => !db.Submissions.Any(later => later.ProposalId == s.ProposalId && later.Number > s.Number));
        }

        var joined = Workflow.ReviewProgress.Track(db, query, access.UserId);
        if (StatusFilter is { } status)
            joined = joined.Where(t => t.Status == status);
        if (Mine)
            joined = joined.Where(t => t.Mine);
        if (Reviewer is { } reviewer)
            joined = joined.Where(t => db.ReviewerSheets.Any(x => x.SubmissionId == t.S.Id && x.ReviewerUserId == reviewer));
        if (Format is not null)
            return await ExportAsync(joined, ct);
        Total = await joined.CountAsync(ct);
        Rows = await Sorted(joined).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.S.Id, r.S.Title, r.Applicant, r.S.Number, r.S.SubmittedAt, r.S.Fund, r.S.Route, r.S.Country,
                r.S.TotalUsd, r.S.GcfRequestUsd, r.S.EmissionReductionsTco2, r.S.Beneficiaries, r.S.Size, r.S.EssCategory, r.S.Readiness, r.S.IsDraftPackage,
                r.Status, r.Deadline))
            .ToListAsync(ct);
        var shown = Rows.Select(r => r.Id).ToList();
        var reviewers = (await db.ReviewerSheets.AsNoTracking().Where(x => shown.Contains(x.SubmissionId))
                .OrderBy(x => x.AssignedAt).Select(x => new { x.SubmissionId, x.ReviewerName, x.Conflict }).ToListAsync(ct))
            .ToLookup(x => x.SubmissionId);
        Rows = Rows.Select(r => r with { Reviewers = reviewers[r.Id].Select(x => (x.ReviewerName, x.Conflict == ConflictDeclaration.Declared)).ToList() }).ToList();
        return Page();
    }

    /// The filtered, sorted list with the organisation's scores, as the comparison writes it
    /// (without the implementation period, which only the versions' documents hold).
    private async Task<IActionResult> ExportAsync(IQueryable<Workflow.ReviewProgress.Tracked> joined, CancellationToken ct)
    {
        // The figures only: a version's document (tens of kilobytes each) is not read.
        var listed = await Sorted(joined).Take(ExportMax).Select(l => new Workflow.ReviewProgress.Tracked
        {
            Applicant = l.Applicant,
            Status = l.Status,
            Deadline = l.Deadline,
            S = new SubmissionRecord
            {
                Id = l.S.Id,
                Title = l.S.Title,
                Number = l.S.Number,
                SubmittedAt = l.S.SubmittedAt,
                Fund = l.S.Fund,
                Route = l.S.Route,
                Country = l.S.Country,
                TotalUsd = l.S.TotalUsd,
                GcfRequestUsd = l.S.GcfRequestUsd,
                EmissionReductionsTco2 = l.S.EmissionReductionsTco2,
                Beneficiaries = l.S.Beneficiaries,
                Size = l.S.Size,
                EssCategory = l.S.EssCategory,
                Readiness = l.S.Readiness,
            },
        }).ToListAsync(ct);
        var ids = listed.Select(l => l.S.Id).ToList();
        var reviews = (await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.SubmissionId)).ToListAsync(ct)).ToDictionary(r => r.SubmissionId);
        var sheets = (await db.ReviewerSheets.AsNoTracking().Where(x => ids.Contains(x.SubmissionId)).ToListAsync(ct)).ToLookup(x => x.SubmissionId);
        var columns = listed.Select(l => new Comparison.Column(l.S, l.Applicant, null, reviews.GetValueOrDefault(l.S.Id), Workflow.Consensus.Of(sheets[l.S.Id]), l.Status)).ToList();
        var culture = CultureInfo.CurrentUICulture;
        var name = ReviewText.Texts["List.FileName"];
        return Format == "csv"
            ? File(ComparisonExport.Csv(columns, culture, withDocuments: false), "text/csv; charset=utf-8", name + ".csv")
            : File(ComparisonExport.Xlsx(columns, ReviewText.Texts["List.Title"], culture, withDocuments: false), ComparisonExport.XlsxType, name + ".xlsx");
    }

    /// The projection to Row comes after sorting and paging, so that the database sorts on columns
    /// and expressions, not on a constructed record.
    private IQueryable<Workflow.ReviewProgress.Tracked> Sorted(IQueryable<Workflow.ReviewProgress.Tracked> rows)
    {
        var sorted = (Sort ?? Column.Submitted) switch
        {
            Column.Title => By(rows, r => r.S.Title),
            Column.Applicant => By(rows, r => r.Applicant),
            Column.Version => By(rows, r => r.S.Number),
            Column.Fund => By(rows, r => r.S.Fund),
            Column.Route => By(rows, r => r.S.Route),
            Column.Country => By(rows, r => r.S.Country),
            Column.Total => By(rows, r => r.S.TotalUsd),
            Column.GcfRequest => By(rows, r => r.S.GcfRequestUsd),
            Column.Tco2 => By(rows, r => r.S.EmissionReductionsTco2),
            Column.Beneficiaries => By(rows, r => r.S.Beneficiaries),
            // The size category follows the total: sorting by it sorts micro … large, not a … z.
            Column.Size => By(rows, r => r.S.TotalUsd),
            Column.Ess => By(rows, r => r.S.EssCategory),
            Column.Readiness => By(rows, r => r.S.Readiness),
            Column.Status => By(rows, r => r.Status),
            // Submissions without a deadline come last either way: SQLite and PostgreSQL do not
            // place nulls alike.
            // By the first assigned reviewer's name; submissions nobody reviews yet come last.
            Column.Assignee => Descending
                ? rows.OrderBy(r => r.FirstAssignee == null).ThenByDescending(r => r.FirstAssignee)
                : rows.OrderBy(r => r.FirstAssignee == null).ThenBy(r => r.FirstAssignee),
            Column.Deadline => Descending
                ? rows.OrderBy(r => r.Deadline == null).ThenByDescending(r => r.Deadline)
                : rows.OrderBy(r => r.Deadline == null).ThenBy(r => r.Deadline),
            _ => Sort is null ? rows.OrderByDescending(r => r.S.SubmittedAt) : By(rows, r => r.S.SubmittedAt),
        };
        // A stable order across pages.
        return sorted.ThenBy(r => r.S.Id);
    }

    private IOrderedQueryable<Workflow.ReviewProgress.Tracked> By<TKey>(IQueryable<Workflow.ReviewProgress.Tracked> rows, System.Linq.Expressions.Expression<Func<Workflow.ReviewProgress.Tracked, TKey>> key) =>
        Descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    /// This list with one parameter changed (sort links, pages), the filters kept.
    public string LinkWith(params (string Name, string? Value)[] changes)
    {
        var values = Request.Query.ToDictionary(q => q.Key, q => q.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in changes)
        {
            if (value is null)
                values.Remove(name);
            else
                values[name] = [value];
        }
        var query = new QueryBuilder();
        foreach (var (name, list) in values)
        {
            foreach (var value in list)
                query.Add(name, value ?? "");
        }
        return "/review" + query.ToQueryString();
    }

    /// The link of a column heading: ascending first, the other way when already sorted by it.
    public string SortLink(Column column) =>
        LinkWith(("sort", column.ToString()), ("dir", Sort == column && !Descending ? "desc" : "asc"), ("p", null));

    public string? AriaSort(Column column) => Sort == column ? (Descending ? "descending" : "ascending") : null;

    public static string CountLabel(int count, CultureInfo culture) =>
        ReviewText.Texts.Count(culture, "List.Count", count);
}
