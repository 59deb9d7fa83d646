using System.Globalization;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Wizard;

/// "Check your answers": every page with its answers, its findings and a change link, checked
/// again as a whole (style §4), then the way to the funding package.
public sealed class CheckAnswersPage(IMediator mediator, ProposalValidation validation, Documents.TemplatePacks packs) : PageModel
{
    /// The packs the proposal can be previewed in (written in its language).
    /// The packs written in the proposal's language, for the on-screen previews: id and name.
    public IReadOnlyList<(string Id, string Name)> Previews { get; private set; } = [];

    public ProposalSummary Summary { get; private set; } = null!;
    public Proposal Proposal { get; private set; } = null!;
    public ValidationReport Report { get; private set; } = null!;
    public IReadOnlyList<(Step Step, StepStatus Status, IReadOnlyList<Answer> Answers, IReadOnlyList<Finding> Findings)> Sections { get; private set; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return NotFound();
        Summary = opened.Summary;
        Proposal = opened.Proposal;
        var page = opened.Check(validation);
        Report = page.Report;
        // Every pack that writes the documents' language (the answers' own, else English).
        Previews = packs.Packs.Values.Where(p => p.Sections.ContainsKey(Documents.Packages.DocumentLanguages.DefaultFor(Proposal.Language, p))).OrderBy(p => p.Manifest.Id, StringComparer.Ordinal)
            .Select(p => (p.Manifest.Id, p.Manifest.NameIn(Culture.TwoLetterISOLanguageName))).ToList();
        Sections = page.Steps
            .Select(s => (s.Step, s.Status, Answers.Of(s.Step, Proposal, Culture),
                (IReadOnlyList<Finding>)Report.Findings.Where(f => f.Paths.Any(s.Step.Owns)).OrderBy(f => f.Severity).ToList()))
            .ToList();
        return Page();
    }
}
