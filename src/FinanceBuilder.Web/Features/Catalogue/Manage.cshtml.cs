using System.Globalization;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Catalogue;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The organisation's catalogue actions: each with whether it is public, and the way to prepare
/// a new one from a proposal (its fields filled from the latest submitted version, else from the
/// saved proposal) or by hand.
[Authorize(Policy = Policies.Applicant)]
public sealed class ManagePage(FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string? Title, DateTime UpdatedAt, int? PublishedRevision, DateTime? PublishedAt);

    public IReadOnlyList<Row> Actions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> ProposalChoices { get; private set; } = [];
    public bool CanEdit => access.CanEditProposals;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = await db.CatalogueActions.AsNoTracking()
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new Row(a.Id, a.Title, a.UpdatedAt, a.PublishedRevision, a.PublishedAt))
            .Take(500)
            .ToListAsync(ct);
        var untitled = ProposalText.Get("Ui.Untitled", CultureInfo.CurrentUICulture);
        ProposalChoices = (await db.Proposals.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).Take(500).ToListAsync(ct))
            .Select(p => (p.Id, p.Title ?? untitled)).ToList();
    }

    /// A new action, from a proposal of the organisation or empty; then its edit page.
    public async Task<IActionResult> OnPostNewAsync(Guid? proposalId, CancellationToken ct)
    {
        if (!access.CanEditProposals)
            return Forbid();
        CatalogueAction action;
        Guid organisation;
        if (proposalId is { } pid)
        {
            var proposal = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (proposal is null)
                return NotFound();
            // The figures a funder received, when a version was submitted; else the saved proposal.
            var submitted = await db.Submissions.AsNoTracking().Where(s => s.ProposalId == pid)
                .OrderByDescending(s => s.Number).Select(s => s.Document).FirstOrDefaultAsync(ct);
            var drafted = ProposalJson.FromStored(submitted ?? proposal.Document);
            // The participation level the records reached (the highest with the public), as of now.
            EngagementEvidence.Attach(drafted, proposal.Engagement);
            action = ActionFromProposal.Draft(drafted, submitted is not null);
            if (action.CountryCode is { Length: 2 } country && action.Communes.Count > 0)
                CommuneCodes.Fill(action.Communes, await NamedPlacesAsync(country, ct));
            organisation = proposal.OwnerOrganisationId;
        }
        else
        {
            var country = await db.Organisations.Where(o => o.Id == access.OrganisationId).Select(o => o.Country).FirstOrDefaultAsync(ct);
            action = new CatalogueAction
            {
                Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? Language.Fr : Language.En,
                CountryCode = country,
                Licence = country == "FR" ? DataLicence.LicenceOuverte20 : DataLicence.CcBy40,
            };
            organisation = access.OrganisationId;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new CatalogueActionRecord
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisation,
            ProposalId = proposalId,
            Document = ActionJson.Serialize(action),
            Title = action.Title,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.CatalogueActions.Add(record);
        await db.SaveChangesAsync(ct);
        return Redirect(CatalogueUrls.Edit(record.Id));
    }

    /// Every place of a country the indicator library has values for, as code and name: what the
    /// communes of a drafted action are matched against. France has about 35,000 communes; read
    /// once, when an action is drafted.
    private async Task<List<(string Code, string Name)>> NamedPlacesAsync(string country, CancellationToken ct) =>
        (await db.TerritoryIndicatorValues.AsNoTracking().Where(v => v.CountryCode == country && v.TerritoryCode != "")
            .Select(v => new { v.TerritoryCode, v.TerritoryName }).Distinct().Take(100_000).ToListAsync(ct))
        .Select(p => (p.TerritoryCode, p.TerritoryName)).ToList();
}
