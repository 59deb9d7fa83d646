using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Annexes;

/// One attached file, found through the files' filter: those who work on the proposal, or a
/// donor for a file frozen with a version shared with it or cited as evidence in the reports of
/// a project shared with it; anyone else gets 404. Always a
/// download (attachment), under the type its content was recognised as, with nosniff and a
/// sandboxing content security policy: even a file that a browser would otherwise run as a page
/// (a polyglot) is never shown inside our site.
public sealed class DownloadPage(FinanceBuilderDbContext db, ContentStore contents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid file, CancellationToken ct)
    {
        var stored = await db.AnnexFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == file && f.ProposalId == id, ct);
        if (stored is null || await contents.OpenAsync(stored, ct) is not { } content)
            return NotFound();
        return Send(Response, stored.Kind, stored.Name, stored.Bytes, content);
    }

    public static IActionResult Send(HttpResponse response, FileKind kind, string name, long bytes, Stream content)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = bytes;
        return new FileStreamResult(content, FileKinds.ContentType(kind)) { FileDownloadName = name };
    }
}
