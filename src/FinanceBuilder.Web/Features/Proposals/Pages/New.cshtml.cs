using System.Globalization;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Proposals.Pages;

/// The first question of a new proposal: which fund and route, in which language. Both can be
/// changed later on the "fund and route" page; the checks follow the route.
public sealed class NewProposalPage(IMediator mediator) : PageModel
{
    public static readonly Route[] Routes = [Route.FundingProposal, Route.ConceptNote, Route.Sap, Route.Ppf, Route.Readiness];
    public static readonly Language[] Languages = [Language.En, Language.Fr];

    [BindProperty(Name = "title")] public string? Title { get; set; }
    [BindProperty(Name = "route")] public string? RouteChoice { get; set; }
    [BindProperty(Name = "language")] public string? LanguageChoice { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public void OnGet() => LanguageChoice ??= Culture.TwoLetterISOLanguageName == "fr" ? "Fr" : "En";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var title = Title?.Trim();
        if (title is { Length: > ShortTextAttribute.MaxLength })
            Errors["title"] = WizardText.Format(Culture, "Check.TooLong", ShortTextAttribute.MaxLength, title.Length);
        else if (title is not null && FinanceBuilder.Templates.Text.DocumentText.IndexOfInvalidCharacter(title) >= 0)
            Errors["title"] = WizardText.Get("Check.BadCharacter", Culture);
        if (!Enum.TryParse<Route>(RouteChoice, out var route) || !Routes.Contains(route))
            Errors["route"] = WizardText.Get("Check.ChooseRoute", Culture);
        if (!Enum.TryParse<Language>(LanguageChoice, out var language) || !Languages.Contains(language))
            Errors["language"] = WizardText.Get("Check.ChooseLanguage", Culture);
        if (Errors.Count > 0)
            return Page();

        var proposal = new Proposal
        {
            Language = language,
            Target = new Target { Fund = Fund.Gcf, Route = route, TemplateVersion = RuleSettings.Default.TemplateVersion },
            Basics = { Title = string.IsNullOrEmpty(title) ? null : title },
        };
        var created = await mediator.Send(new CreateProposal.Command(proposal), ct);
        return Redirect(WizardUrls.TaskList(created.Id));
    }
}
