using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Home;

/// The workspace's proposal list: the first page a newcomer sees.
public sealed class IndexModel(IMediator mediator, DatabaseTarget database, AccessScope access, FinanceBuilderDbContext db) : PageModel
{
    /// The owner's name per proposal, when this person works for several organisations (a
    /// planning agency); empty otherwise, and the list shows no organisation column.
    public IReadOnlyDictionary<Guid, string> OwnerNames { get; private set; } = new Dictionary<Guid, string>();

    public bool ShowsOrganisation => access.ProposalOrganisationIds.Count > 1;

    public ListProposals.Result Proposals { get; private set; } = new([], 0, 1, 50);

    public string Storage => database.Location;

    public bool ShowsStorage => access.IsPlatformAdmin;

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? deleted, CancellationToken ct)
    {
        // A donor has no proposals of its own: its work is the review workspace.
        if (access.IsDonor)
            return Redirect("/review");
        Deleted = deleted == 1;
        Proposals = await mediator.Send(new ListProposals.Query(1, ListProposals.MaxPageSize), ct);
        if (ShowsOrganisation && Proposals.Items.Count > 0)
        {
            var ids = Proposals.Items.Select(p => p.Id).ToList();
            OwnerNames = await (from p in db.Proposals
                                where ids.Contains(p.Id)
                                join o in db.Organisations on p.OwnerOrganisationId equals o.Id
                                select new { p.Id, o.Name }).AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        }
        return Page();
    }

    /// "GCF — funding proposal", in the reader's language.
    public static string FundLabel(string fund, string? route, CultureInfo culture)
    {
        var fundText = Messages.Format(culture, "Fund" + char.ToUpperInvariant(fund[0]) + fund[1..]);
        return route is null ? fundText : $"{fundText} — {Messages.Format(culture, "Route" + char.ToUpperInvariant(route[0]) + route[1..])}";
    }

    public static string CountLabel(int count, CultureInfo culture) =>
        Messages.Count(culture, "ProposalCount", count);
}
