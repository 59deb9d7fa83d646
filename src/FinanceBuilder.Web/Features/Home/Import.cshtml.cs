using System.Globalization;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Home;

/// Import a proposal file (the same JSON the API and the command line take): each problem is
/// listed by the question or section it concerns, and nothing is stored unless the whole file is good.
public sealed class ImportPage(IMediator mediator, RequestBodyLimit limit) : PageModel
{
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? FileError { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FileError = ProposalText.Get("Check.ChooseFile", Culture);
            return Page();
        }
        if (file.Length > limit.MaxBytes)
        {
            FileError = ProposalText.Format(Culture, "Check.FileTooLarge", (limit.MaxBytes / 1_048_576).ToString(Culture));
            return Page();
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await mediator.Send(new ImportProposal.Command(buffer.ToArray(), Culture), ct);
        if (result.Created is null)
        {
            Problems = result.Errors.Select(e => ImportProblem.From(e, Culture)).ToList();
            return Page();
        }
        return Redirect(WizardUrls.TaskList(result.Created.Id));
    }
}
