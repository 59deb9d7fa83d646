using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Geography;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Maps;

/// The location page's map as an SVG picture, drawn by the server from the bundled boundaries,
/// the coordinates and the attached map files: the browser asks no map service. Found through
/// the proposals' filter like every page of a proposal (another organisation's → 404). The
/// address carries the map's fingerprint, so a saved change is a new address; the picture is
/// kept privately for a short while only.
public sealed class LocationMapPage(IMediator mediator, LocationMapSource source) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return NotFound();
        var content = await source.LoadAsync(opened.Proposal, ct);
        if (MapLayout.Lay(content, WorldAtlas.Instance) is not { } drawing)
            return NotFound();
        Response.Headers.CacheControl = "private, max-age=300";
        Response.Headers.XContentTypeOptions = "nosniff";
        // A picture, never a page: nothing in it may run or load.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return Content(MapSvg.Write(drawing, MapText.Title(content, System.Globalization.CultureInfo.CurrentUICulture)), "image/svg+xml; charset=utf-8");
    }
}
