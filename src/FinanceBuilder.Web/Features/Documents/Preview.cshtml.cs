using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Html;
using FinanceBuilder.Templates.Scripting;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Documents;

/// The on-screen preview of a proposal in one pack (design D3): the same templates, Markdown
/// and content model as the documents, drawn as HTML in the proposal's language.
public sealed class PreviewPage(IMediator mediator, TemplatePacks packs, ILogger<PreviewPage> logger) : PageModel
{
    public ProposalSummary Summary { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public string PackId { get; private set; } = "";
    public string PackName { get; private set; } = "";
    public string Language { get; private set; } = "en";
    public string? Html { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, string pack, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null || !packs.Packs.TryGetValue(pack, out var templates))
            return NotFound();
        Summary = opened.Summary;
        PackId = pack;
        PackName = templates.Manifest.NameIn(Culture.TwoLetterISOLanguageName);
        Title = opened.Proposal.Basics.Title ?? WizardText.Get("Ui.Untitled", Culture);
        Language = opened.Proposal.Language.ToString().ToLowerInvariant();
        if (!templates.Sections.ContainsKey(Language))
            return Page(); // the pack is not written in this language: the page says so
        var model = DocumentModel.For(opened.Proposal);
        try
        {
            var markdown = templates.RenderMarkdown(model, Language);
            Html = HtmlRenderer.Render(MarkdownReader.Read(markdown), new CultureInfo(Language));
        }
        catch (TemplateException e)
        {
            // A render that fails (too long, too slow) is the pack's problem, told plainly.
            logger.LogError("Preview of {Proposal} in {Pack}: {Problem}", id, pack, e.Message);
            Html = null;
        }
        return Page();
    }
}
