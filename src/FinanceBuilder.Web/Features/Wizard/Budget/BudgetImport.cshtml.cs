using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
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
        Id = id;
        var bytes = await UploadedAsync(ct);
        if (!tooLarge && !await antiforgery.IsRequestValidAsync(HttpContext))
            return BadRequest();
        // What is wrong with the file itself is said only once the proposal is known to be there
        // for this reader (another organisation's answers 404 whatever is posted).
        string? refused = tooLarge ? BudgetText.Format(Culture, "Import.TooBig", BudgetFile.MaxBytes / 1024)
            : bytes is null ? BudgetText.Get("Import.NoFile", Culture) : null;
        var file = refused is null ? BudgetFile.Read(bytes!, Culture) : null;
        refused ??= file?.Table is null ? file?.Error : null;

        // The file's lines are put over the newest saved budget by the one save of the wizard
        // (read once, checked once, saved once); a cell that cannot be read saves nothing.
        var replace = !tooLarge && Request.Form["replace"] == "true";
        var result = await mediator.Send(new SaveStep.Command(id, "budget", tooLarge ? FormCollection.Empty : Request.Form, null, "import", Culture, MarksChecked: true,
            Edit: proposal => refused is null ? Apply(proposal, file!.Table!, replace) : new Dictionary<string, string> { ["file"] = refused }), ct);
        return result switch
        {
            SaveStep.Saved => Redirect(WizardUrls.Step(id, "budget") + "#f-budget-lines"),
            SaveStep.Invalid invalid => Refuse([.. invalid.Errors.Values]),
            SaveStep.Conflict => Refuse(BudgetText.Get("Import.Conflict", Culture)),
            _ => NotFound(),
        };
    }

    private Dictionary<string, string> Apply(Proposal proposal, IReadOnlyList<IReadOnlyList<BudgetCell>> table, bool replace)
    {
        var reader = new BudgetRowReader(proposal, Culture);
        var existing = BudgetGrid.Rows(proposal.Budget.Lines);
        var read = BudgetTable.Read(table, BudgetGrid.Years(proposal, existing, TimeProvider.System.GetUtcNow().Year), reader, Culture);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (read.ErrorCount > 0)
        {
            for (var i = 0; i < read.Errors.Count; i++)
                errors["import." + i.ToString(CultureInfo.InvariantCulture)] = read.Errors[i];
            if (read.ErrorCount > read.Errors.Count)
                errors["import.more"] = BudgetText.Format(Culture, "Error.More", read.ErrorCount - read.Errors.Count);
            return errors;
        }
        var lines = BudgetGrid.Lines(replace ? read.Rows : [.. existing, .. read.Rows]);
        var max = FormBinder.MaxItems(typeof(Proposal), "budget.lines");
        if (lines.Count > max)
            errors["import.lines"] = BudgetText.Format(Culture, "Error.TooManyLines", lines.Count, max);
        else
            proposal.Budget.Lines = lines;
        return errors;
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
