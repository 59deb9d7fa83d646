using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Organisation;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Home;

/// The first question of a new proposal: which fund and route, in which language. Both can be
/// changed later on the "fund and route" page; the checks follow the route.
public sealed class NewProposalPage(IMediator mediator, FinanceBuilderDbContext db, AccessScope access, Documents.TemplatePacks packs) : PageModel
{
    /// The routes a new proposal can take: those whose documents a pack writes. A route with no
    /// pack would lead to a proposal that can never become a package (the Readiness request is
    /// the NDA's to make, not a municipality's); proposals made earlier keep their route.
    public IReadOnlyList<Route> Routes => Enum.GetValues<Route>().Where(packs.Writes).ToList();
    public static readonly Language[] Languages = [Language.En, Language.Fr];

    [BindProperty(Name = "title")] public string? Title { get; set; }
    [BindProperty(Name = "route")] public string? RouteChoice { get; set; }
    [BindProperty(Name = "language")] public string? LanguageChoice { get; set; }
    [BindProperty(Name = "organisation")] public string? OrganisationChoice { get; set; }
    /// The organisations this person writes proposals for, own first; asked only when more
    /// than one (a planning agency and the municipalities it supports).
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task OnGetAsync(CancellationToken ct)
    {
        LanguageChoice ??= Culture.TwoLetterISOLanguageName == "fr" ? "Fr" : "En";
        OrganisationChoice ??= access.OrganisationId.ToString();
        await LoadOrganisationsAsync(ct);
    }

    private async Task LoadOrganisationsAsync(CancellationToken ct)
    {
        if (access.ProposalOrganisationIds.Count <= 1)
            return;
        var ids = access.ProposalOrganisationIds.ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        Organisations = names.OrderBy(o => o.Id != access.OrganisationId).ThenBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadOrganisationsAsync(ct);
        Guid? owner = null;
        if (Organisations.Count > 0)
        {
            if (Guid.TryParse(OrganisationChoice, out var chosen) && Organisations.Any(o => o.Id == chosen))
                owner = chosen;
            else
                Errors["organisation"] = OrganisationText.Texts.Get("ChooseOrganisation", Culture);
        }
        var title = Title?.Trim();
        if (title is { Length: > ShortTextAttribute.MaxLength })
            Errors["title"] = ProposalText.Format(Culture, "Check.TooLong", ShortTextAttribute.MaxLength, title.Length);
        else if (title is not null && FinanceBuilder.Templates.Text.DocumentText.IndexOfInvalidCharacter(title) >= 0)
            Errors["title"] = ProposalText.Get("Check.BadCharacter", Culture);
        if (!Enum.TryParse<Route>(RouteChoice, out var route) || !Routes.Contains(route))
            Errors["route"] = ProposalText.Get("Check.ChooseRoute", Culture);
        if (!Enum.TryParse<Language>(LanguageChoice, out var language) || !Languages.Contains(language))
            Errors["language"] = ProposalText.Get("Check.ChooseLanguage", Culture);
        if (Errors.Count > 0)
            return Page();

        var proposal = new Proposal
        {
            Language = language,
            Target = new Target { Fund = Fund.Gcf, Route = route, TemplateVersion = (RuleSettings.CurrentFor(route) ?? RuleSettings.Default).TemplateVersion },
            Basics = { Title = string.IsNullOrEmpty(title) ? null : title },
        };
        var organisationId = owner ?? access.OrganisationId;
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct) is { } organisation)
            ApplicantPrefill.Apply(proposal, organisation);
        var created = await mediator.Send(new CreateProposal.Command(proposal, owner, FreshStart: true), ct);
        return Redirect(WizardUrls.TaskList(created.Id));
    }
}
