using System.Globalization;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Storage;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Annexes;

/// "Annex files": attach, replace and remove the files of each annex row, or add an "other
/// supporting document". Plain multipart forms (the page works without JavaScript); with it,
/// annex-files.js shows each upload's progress. Every post ends in a redirect to this page, which
/// then says what was attached; a refused file is told on the page with its reason. Readers may
/// open the page and download; only editors post (ProposalWriteFilter).
[UploadLimits]
public sealed class FilesPage(IMediator mediator, FinanceBuilderDbContext db, ContentStore contents, IOptions<FinanceBuilderOptions> options, AccessScope access) : PageModel
{
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    public IReadOnlyList<Annex> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, AnnexFileRecord> Stored { get; private set; } = new Dictionary<string, AnnexFileRecord>();
    public long ProposalBytes { get; private set; }
    public long OrganisationBytes { get; private set; }
    public FinanceBuilderOptions.AnnexSettings Limits => options.Value.Annexes;
    public long MaxPostBytes => UploadLimitsAttribute.MaxPostBytes(Limits);
    public bool CanEdit => access.CanEditProposals;

    /// What the last post did ("2 files attached to annex 3").
    public string? Notice { get; private set; }
    /// Why the last post changed nothing, or some of its files were refused.
    public string? Problem { get; private set; }
    public IReadOnlyList<ChangeAnnexFiles.FileOutcome> Refused { get; private set; } = [];
    /// The row the refusal is about, to put the message beside its form.
    public string? ProblemRow { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, int? count, string? annex, long? tooLarge, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Notice = done switch
        {
            "attached" when count > 0 => annex is null
                ? AnnexText.Format(Culture, "Notice.AttachedOther", count)
                : AnnexText.Format(Culture, "Notice.Attached", count, annex),
            "replaced" => AnnexText.Format(Culture, "Notice.Replaced", annex),
            "removed" => AnnexText.Format(Culture, "Notice.Removed", annex),
            _ => null,
        };
        if (tooLarge is > 0)
            Problem = AnnexText.Format(Culture, "Problem.PostTooLarge", ByteSize.Text(tooLarge.Value, Culture),
                ByteSize.Text(MaxPostBytes, Culture), Limits.MaxFileMegabytes);
        return Page();
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, string? annex, List<IFormFile>? files, CancellationToken ct)
    {
        if (files?.Count > UploadLimitsAttribute.FilesPerPost)
        {
            if (!await LoadAsync(id, ct))
                return NotFound();
            Problem = AnnexText.Format(Culture, "Problem.TooManyAtOnce", UploadLimitsAttribute.FilesPerPost);
            ProblemRow = string.IsNullOrEmpty(annex) ? "other" : annex;
            return Page();
        }
        return await ChangeAsync(id, new ChangeAnnexFiles.Command(id, ChangeAnnexFiles.Operation.Attach, string.IsNullOrEmpty(annex) ? null : annex, null, Uploads(files), Culture), annex, ct);
    }

    public Task<IActionResult> OnPostReplaceAsync(Guid id, Guid file, IFormFile? replacement, CancellationToken ct) =>
        ChangeAsync(id, new ChangeAnnexFiles.Command(id, ChangeAnnexFiles.Operation.Replace, null, file, Uploads(replacement is null ? null : [replacement]), Culture), null, ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid file, CancellationToken ct) =>
        ChangeAsync(id, new ChangeAnnexFiles.Command(id, ChangeAnnexFiles.Operation.Remove, null, file, [], Culture), null, ct);

    private async Task<IActionResult> ChangeAsync(Guid id, ChangeAnnexFiles.Command command, string? annex, CancellationToken ct)
    {
        var result = await mediator.Send(command, ct);
        var row = result.Row ?? annex;
        if (result.Outcome == ChangeAnnexFiles.Outcome.NotFound)
            return NotFound();
        var refused = result.Files.Where(f => f.Refusal is not null).ToList();
        if (result.Outcome == ChangeAnnexFiles.Outcome.Changed && refused.Count == 0)
        {
            var done = command.Operation switch
            {
                ChangeAnnexFiles.Operation.Replace => "replaced",
                ChangeAnnexFiles.Operation.Remove => "removed",
                _ => "attached",
            };
            var query = $"?done={done}&count={result.Files.Count}" + (row is null ? "" : "&annex=" + Uri.EscapeDataString(row));
            return Redirect($"/proposals/{id}/annexes/files{query}#{(row is null ? "other" : "annex-" + Uri.EscapeDataString(row))}");
        }
        // Some or all refused: the page again, saying which and why (what was kept is listed).
        if (!await LoadAsync(id, ct))
            return NotFound();
        Refused = refused;
        Problem = result.Problem;
        ProblemRow = row ?? "other";
        var kept = result.Files.Count - refused.Count;
        if (result.Outcome == ChangeAnnexFiles.Outcome.Changed && kept > 0)
            Notice = row is null ? AnnexText.Format(Culture, "Notice.AttachedOther", kept) : AnnexText.Format(Culture, "Notice.Attached", kept, row);
        // 200 with the page, as every form of the site answers a refusal (Import, budget import).
        return Page();
    }

    private static List<ChangeAnnexFiles.Upload> Uploads(List<IFormFile>? files) =>
        [.. (files ?? []).Select(f => new ChangeAnnexFiles.Upload(f.FileName, f.Length, f.OpenReadStream))];

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return false;
        Id = id;
        ProposalTitle = opened.Proposal.Basics.Title ?? FinanceBuilder.Web.Proposals.Text.ProposalText.Get("Ui.Untitled", Culture);
        Rows = opened.Proposal.Annexes;
        Stored = await db.AnnexFiles.AsNoTracking().Where(f => f.ProposalId == id).ToDictionaryAsync(f => f.Id.ToString("N"), ct);
        ProposalBytes = AttachedFiles.TotalBytes(opened.Proposal);
        OrganisationBytes = await contents.UsedBytesAsync(opened.OwnerOrganisationId, ct);
        return true;
    }
}
