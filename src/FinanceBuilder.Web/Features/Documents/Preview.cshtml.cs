using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Html;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Templates.Scripting;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Documents;

/// The on-screen preview of a proposal in one pack (design D3): the same templates, Markdown
/// and content model as the documents, drawn as HTML in the proposal's language.
public sealed class PreviewPage(IMediator mediator, TemplatePacks packs, ProposalValidation validation, DocumentPictures pictures, ILogger<PreviewPage> logger) : PageModel
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
        Title = opened.Proposal.Basics.Title ?? ProposalText.Get("Ui.Untitled", Culture);
        Language = opened.Proposal.Language.ToString().ToLowerInvariant();
        if (!templates.Sections.ContainsKey(Language))
            return Page(); // the pack is not written in this language: the page says so
        Html = RenderHtml(templates, opened.Proposal, validation.Validate(opened.Proposal, TemplatePacks.RouteOf(templates)), logger, await pictures.LoadAsync(opened.Proposal, ct));
        return Page();
    }

    /// The preview of a proposal in one pack, in its own language, with the check of the pack's
    /// route (<paramref name="report"/>); null when the pack is not written in that language or
    /// the render fails (logged). The donor's review pages show submitted snapshots with it.
    public static string? RenderHtml(TemplatePack templates, Proposal proposal, ValidationReport report, ILogger logger, IReadOnlyDictionary<string, FinanceBuilder.Templates.Content.DocumentImage>? pictures = null)
    {
        var language = proposal.Language.ToString().ToLowerInvariant();
        if (!templates.Sections.ContainsKey(language))
            return null;
        try
        {
            return HtmlRenderer.Render(DocumentModel.Document(templates, proposal, report, language, pictures), new CultureInfo(language));
        }
        catch (TemplateException e)
        {
            // A render that fails (too long, too slow) is the pack's problem, told plainly.
            logger.LogError("Preview in {Pack}: {Problem}", templates.Manifest.Id, e.Message);
            return null;
        }
    }
}
