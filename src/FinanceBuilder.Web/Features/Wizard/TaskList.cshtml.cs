using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Wizard;

/// A proposal's home: its pages grouped as the funder groups them, each with its status, the
/// readiness per investment criterion, and the next thing to do.
public sealed class TaskListPage(IMediator mediator, ProposalValidation validation, DatabaseTarget database, Documents.TemplatePacks packs) : PageModel
{
    public ProposalSummary Summary { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public ValidationReport Report { get; private set; } = null!;
    public IReadOnlyList<(Step Step, StepStatus Status)> Steps { get; private set; } = [];
    public Step? NextToDo { get; private set; }
    public string? SavedStep { get; private set; }
    public bool Copied { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public string Storage => database.Location;
    /// False when no pack writes the answers' language (Spanish today): the page says which language the documents take.
    public bool WritesTextLanguage => Documents.Packages.DocumentLanguages.Writes(Proposal.Language, packs);

    public async Task<IActionResult> OnGetAsync(Guid id, string? saved, int? copied, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return NotFound();
        Summary = opened.Summary;
        Proposal = opened.Proposal;
        var page = opened.Check(validation);
        Report = page.Report;
        Steps = page.Steps;
        NextToDo = StepProgress.NextToDo(Steps);
        SavedStep = saved is not null && StepCatalogue.Find(saved) is { } step ? step.Id : null;
        Copied = copied == 1;
        return Page();
    }

    /// "Duplicate": a new proposal with the same answers, to reuse them for another project. The
    /// copy belongs to the same organisation as the original (an agency copying a municipality's
    /// proposal makes a copy for that municipality).
    public async Task<IActionResult> OnPostDuplicateAsync(Guid id, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return NotFound();
        var copy = opened.Proposal;
        copy.Basics.Title = TextLimit.CopyTitle(copy.Basics.Title, Culture);
        var created = await mediator.Send(new CreateProposal.Command(copy, opened.OwnerOrganisationId), ct);
        return Redirect(WizardUrls.TaskList(created.Id) + "?copied=1");
    }
}
