using System.Globalization;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Home;

/// Deleting asks first, names what will be deleted, and offers the JSON export before.
public sealed class DeletePage(IMediator mediator) : PageModel
{
    public ProposalSummary Summary { get; private set; } = null!;
    public bool Changed { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, int? changed, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return NotFound();
        Summary = opened.Summary;
        Changed = changed == 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken ct)
    {
        var result = await mediator.Send(new DeleteProposal.Command(id, version), ct);
        return result.Outcome switch
        {
            DeleteProposal.Outcome.NotFound => NotFound(),
            // Changed since the question was asked: ask again, showing the current state.
            DeleteProposal.Outcome.Conflict => Redirect($"/proposals/{id}/delete?changed=1"),
            _ => Redirect("/?deleted=1"),
        };
    }
}
