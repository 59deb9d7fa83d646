using System.Text;
using FinanceBuilder.Web.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Home;

/// Downloads the proposal as its JSON file, named after its title and the date, to keep a copy,
/// send it to a colleague or import it elsewhere.
public sealed class ExportPage(IMediator mediator, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var proposal = await mediator.Send(new GetProposal.Query(id), ct);
        if (proposal is null)
            return NotFound();
        // A download is never run as a page, even if a browser were to sniff it.
        Response.Headers.ContentSecurityPolicy = "sandbox";
        return File(Encoding.UTF8.GetBytes(proposal.Document), "application/json", FileName(proposal.Summary.Title, clock.GetUtcNow()));
    }

    /// "tamale-solar-street-lighting-2026-11-29.json": letters and digits only, whatever the title holds.
    public static string FileName(string? title, DateTimeOffset now)
    {
        var slug = new StringBuilder();
        foreach (var c in (title ?? "proposal").Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                slug.Append(char.ToLowerInvariant(c));
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '/' or '.') && slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
            if (slug.Length >= 60)
                break;
        }
        var text = slug.ToString();
        if (text.Length >= 60 && text.LastIndexOf('-') is var cut and > 20)
            text = text[..cut]; // whole words only
        text = text.Trim('-');
        return $"{(text.Length == 0 ? "proposal" : text)}-{now:yyyy-MM-dd}.json";
    }
}
