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

    /// Whether the document is drawn in another language than the answers' (no pack writes theirs).
    public bool InAnotherLanguage { get; private set; }

    /// The answers' language, as its enum name ("Es").
    public string AnswersLanguage { get; private set; } = "En";
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
        // The documents' language: the answers' own when the pack writes it, else English, as the
        // package takes (a Spanish proposal is previewed in English, and the page says so).
        Language = Packages.DocumentLanguages.DefaultFor(opened.Proposal.Language, templates);
        InAnotherLanguage = Language != Packages.DocumentLanguages.Code(opened.Proposal.Language);
        AnswersLanguage = opened.Proposal.Language.ToString();
        Html = RenderHtml(templates, opened.Proposal, Language, validation.Validate(opened.Proposal, TemplatePacks.RouteOf(templates)), logger, await pictures.LoadAsync(opened.Proposal, ct));
        return Page();
    }

    /// The preview of a proposal in one pack, in <paramref name="language"/> (the language its
    /// documents take: <see cref="Packages.DocumentLanguages"/>), with the check of the pack's
    /// route (<paramref name="report"/>); null when the pack does not write that language or the
    /// render fails (logged). The donor's review pages show submitted snapshots with it.
    public static string? RenderHtml(TemplatePack templates, Proposal proposal, string language, ValidationReport report, ILogger logger, IReadOnlyDictionary<string, FinanceBuilder.Templates.Content.DocumentImage>? pictures = null)
    {
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
