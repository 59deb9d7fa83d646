using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Admin.Audit;

/// The privileged actions, newest first, for platform administrators: who did what, to which
/// organisation or person, when and from where; filtered by organisation and by action, a page
/// of 100 at a time.
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed class TrailPage(FinanceBuilderDbContext db) : PageModel
{
    public const string Path = "/admin/audit";
    public const int PageSize = 100;

    public sealed record Row(long Id, DateTime At, string Actor, string? ActorOrganisation, string Address, string Action, string? Organisation, string? Related, string? Person, string Summary);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public Guid? Organisation { get; private set; }
    public string? Action { get; private set; }
    /// The id to ask for the next (older) page, when there is one.
    public long? Older { get; private set; }

    public async Task OnGetAsync(Guid? organisation, string? action, long? before, CancellationToken ct)
    {
        Organisation = organisation;
        Action = action is { Length: <= 40 } a && PrivilegedActions.All.Contains(a) ? a : null;
        var events = db.PrivilegedEvents.AsNoTracking();
        if (organisation is { } org)
            events = events.Where(e => e.OrganisationId == org || e.RelatedOrganisationId == org || e.ActorOrganisationId == org);
        if (Action is { } only)
            events = events.Where(e => e.Action == only);
        if (before is { } id)
            events = events.Where(e => e.Id < id);
        var page = await events.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        Older = page.Count > PageSize ? page[PageSize - 1].Id : null;
        page = page.Take(PageSize).ToList();

        // An account moved names both organisations in Before/After.
        var moved = page.Where(e => e.Action == "account-moved").SelectMany(e => new[] { e.Before, e.After })
            .Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null);
        var organisationIds = page.SelectMany(e => new[] { e.OrganisationId, e.RelatedOrganisationId, e.ActorOrganisationId }).Concat(moved).OfType<Guid>().Distinct().ToList();
        var userIds = page.Select(e => e.UserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.DisplayName, ct);
        Rows = page.Select(e => new Row(e.Id, e.At, e.ActorName, Name(names, e.ActorOrganisationId), e.Address, e.Action,
            Name(names, e.OrganisationId), Name(names, e.RelatedOrganisationId), e.UserId is { } u ? people.GetValueOrDefault(u) : null, PrivilegedEventText.Details(e, names))).ToList();
        Organisations = (await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } value ? names.GetValueOrDefault(value) : null;
}
