using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// A published action, for anyone, without signing in. A withdrawn one answers 410 Gone with the
/// date it was withdrawn, never its content.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
public sealed class ActionPage(FinanceBuilderDbContext db) : PageModel
{
    public ActionView? View { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var row = await db.PublishedActions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
            return NotFound();
        if (row.WithdrawnAt is { } withdrawn)
        {
            WithdrawnAt = withdrawn;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        if (PublicCaching.NotModified(HttpContext, $"{row.Id:N}-{row.Revision}", row.UpdatedAt))
            return StatusCode(StatusCodes.Status304NotModified);
        View = new ActionView(row.Id, ActionJson.FromStored(row.Document), row.PublisherName, row.UpdatedAt, row.Revision);
        return Page();
    }
}
