using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Catalogue;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// The organisation's datasets in the shared library: upload a checked CSV (or a Data Package
/// zip) of values under a name — a new dataset, or the new version of the one of that name — and
/// withdraw one. A file with one bad cell is refused whole, with every problem by row and column.
[Authorize(Policy = Policies.Applicant)]
[RequestSizeLimit(TerritoryValuesCsv.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = TerritoryValuesCsv.MaxBytes + 64 * 1024, ValueCountLimit = 20)]
public sealed class ManageIndicatorsPage(FinanceBuilderDbContext db, AccessScope access, IMediator mediator, TerritoryCounts counts) : PageModel
{
    public const int MaxNameLength = 200;

    public sealed record DatasetRow(Guid Id, string Name, int Rows, DateTime UpdatedAt, DateTime? WithdrawnAt);
    public sealed record LogRow(DateTime At, string UserName, string Kind, string? FileName, int Rows);

    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<DatasetRow> Datasets { get; private set; } = [];
    public IReadOnlyList<LogRow> Log { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public bool CanEdit => access.CanEditProposals;
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done is "imported" or "replaced" or "withdrawn" ? TerritoryText.Texts["Manage.Done." + done] : null;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!access.CanEditProposals)
            return Forbid();
        var T = TerritoryText.Texts;
        Name = Name?.Trim();
        var problems = new List<string>();
        if (string.IsNullOrEmpty(Name))
            problems.Add(T["Manage.NeedsName"]);
        else if (Name.Length > MaxNameLength || FinanceBuilder.Templates.Text.DocumentText.IndexOfInvalidCharacter(Name) >= 0)
            problems.Add(T["Manage.BadName", MaxNameLength]);
        if (file is null || file.Length == 0)
            problems.Add(T["Upload.NoFile"]);
        else if (file.Length > TerritoryValuesCsv.MaxBytes)
            problems.Add(T["Upload.TooLarge", TerritoryValuesCsv.MaxBytes / (1024 * 1024)]);
        if (problems.Count > 0)
            return await RefuseAsync(problems, ct);
        await using var stream = file!.OpenReadStream();
        var upload = await DataPackageUpload.ReadAsync(stream, ct);
        if (upload.Text is null)
            return await RefuseAsync([T[upload.Problem!, TerritoryValuesCsv.MaxBytes / (1024 * 1024)]], ct);
        var read = TerritoryValuesCsv.Read(upload.Text, Culture);
        if (!read.IsValid)
            return await RefuseAsync(read.Errors, ct);
        var fileName = System.IO.Path.GetFileName(file.FileName);
        var result = await mediator.Send(new PublishIndicatorDataset.Command(Name!, fileName.Length > 200 ? fileName[..200] : fileName, read.Rows, read.Layout), ct);
        counts.Forget();
        return Redirect(TerritoryUrls.Manage + "?done=" + (result.Replaced ? "replaced" : "imported"));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        if (!access.CanEditProposals)
            return Forbid();
        if (!await mediator.Send(new WithdrawIndicatorDataset.Command(id), ct))
            return NotFound();
        counts.Forget();
        return Redirect(TerritoryUrls.Manage + "?done=withdrawn");
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    /// The organisation's datasets are those its own log names (the log's tenancy filter).
    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = db.IndicatorImports.AsNoTracking().Select(l => l.DatasetId);
        Datasets = await db.IndicatorDatasets.AsNoTracking().Where(d => mine.Contains(d.Id))
            .OrderBy(d => d.WithdrawnAt != null).ThenByDescending(d => d.UpdatedAt).Take(200)
            .Select(d => new DatasetRow(d.Id, d.Name, d.RowCount, d.UpdatedAt, d.WithdrawnAt)).ToListAsync(ct);
        Log = await db.IndicatorImports.AsNoTracking().OrderByDescending(l => l.Id).Take(20)
            .Select(l => new LogRow(l.At, l.UserName, l.Kind, l.FileName, l.RowCount)).ToListAsync(ct);
    }
}
