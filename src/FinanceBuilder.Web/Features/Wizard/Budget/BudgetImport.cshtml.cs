using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Features.Wizard.Steps;
using FinanceBuilder.Web.Proposals.Model;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// Imports a budget file (CSV or XLSX) into the budget lines: the file is read in full and
/// checked cell by cell; only a file with no problem is saved, after the lines already there
/// or in their place.
[IgnoreAntiforgeryToken] // checked by hand once the body is read, so an oversized file gets its message
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, ValueCountLimit = 20)]
public sealed class BudgetImportPage(IMediator mediator, IAntiforgery antiforgery) : PageModel
{
    /// Room above the file limit, so a file slightly too large gets the file-size message.
    private const int UploadLimit = 2 * BudgetFile.MaxBytes;

    public Guid Id { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await mediator.Send(new OpenProposal.Query(id), ct) is null)
            return NotFound();
        Id = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null || StepCatalogue.Find("budget") is not { } step)
            return NotFound();
        Id = id;
        var bytes = await UploadedAsync(ct);
        if (tooLarge)
            return Refuse(BudgetText.Format(Culture, "Import.TooBig", BudgetFile.MaxBytes / 1024));
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        if (bytes is null)
            return Refuse(BudgetText.Get("Import.NoFile", Culture));
        var file = BudgetFile.Read(bytes, Culture);
        if (file.Table is not { } table)
            return Refuse(file.Error!);

        var proposal = opened.Proposal;
        var reader = new BudgetRowReader(proposal, Culture);
        var existing = BudgetGrid.Rows(proposal.Budget.Lines);
        var read = BudgetTable.Read(table, BudgetGrid.Years(proposal, existing, TimeProvider.System.GetUtcNow().Year), reader, Culture);
        if (read.ErrorCount > 0)
            return Refuse([.. read.Errors, .. read.ErrorCount > read.Errors.Count ? [BudgetText.Format(Culture, "Error.More", read.ErrorCount - read.Errors.Count)] : Array.Empty<string>()]);

        var replace = Request.Form["replace"] == "true";
        var lines = BudgetGrid.Lines(replace ? read.Rows : [.. existing, .. read.Rows]);
        var max = FormBinder.MaxItems(typeof(Proposal), "budget.lines");
        if (lines.Count > max)
            return Refuse(BudgetText.Format(Culture, "Error.TooManyLines", lines.Count, max));
        proposal.Budget.Lines = lines;
        var errors = StepValidation.Check(step, proposal, [], Culture);
        if (errors.Count > 0)
            return Refuse([.. errors.Values]);

        var saved = await mediator.Send(new SaveAnswers.Command(id, opened.Summary.Version, proposal), ct);
        return saved.Outcome switch
        {
            SaveAnswers.Outcome.NotFound => NotFound(),
            SaveAnswers.Outcome.Conflict => Refuse(BudgetText.Get("Import.Conflict", Culture)),
            _ => Redirect(WizardUrls.Step(id, "budget") + "#f-budget-lines"),
        };
    }

    private PageResult Refuse(params string[] errors)
    {
        Errors = errors;
        return Page();
    }

    /// The uploaded file's bytes (at most the file limit plus one, so "too large" can be said),
    /// or null when no file came.
    private bool tooLarge;

    private async Task<byte[]?> UploadedAsync(CancellationToken ct)
    {
        IFormFile? upload;
        try
        {
            upload = (await Request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // Beyond the request limit: the same message as a file just over the file limit.
            tooLarge = true;
            return new byte[BudgetFile.MaxBytes + 1];
        }
        if (upload is null || upload.Length == 0 && string.IsNullOrEmpty(upload.FileName))
            return null;
        using var stream = upload.OpenReadStream();
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
