using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// Forgets the files of a proposal that nothing needs any more: not listed by its document as
/// stored now and not frozen in one of its submitted versions; then their contents, once no
/// other file of the organisation has the same. Runs after each change on the annex files page
/// (so a file dropped with its annex row by the wizard or the API goes then too) and when a
/// proposal is deleted (its submitted versions keep theirs).
///
/// The rows are read before the document: a row seen here was saved with a document that
/// listed it, so the document read afterwards lists it unless a later save dropped it. A save
/// racing with this one can therefore never lose a file it has just attached.
public sealed class AnnexFileCollector(FinanceBuilderDbContext db, ContentStore contents)
{
    public async Task CollectAsync(Guid proposalId, CancellationToken ct)
    {
        var candidates = await db.AnnexFiles
            .Where(f => f.ProposalId == proposalId && !db.SubmissionFiles.Any(s => s.AnnexFileId == f.Id))
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return;
        // A deleted proposal is not found: none of its files is listed any more. The ids are
        // 32 hexadecimal digits, so finding one in the document is finding it listed (a user who
        // pasted one into a text only keeps that file longer).
        var document = await db.Proposals.Where(p => p.Id == proposalId).Select(p => p.Document).FirstOrDefaultAsync(ct) ?? "";
        var unused = candidates.Where(f => !document.Contains(f.Id.ToString("N"), StringComparison.Ordinal)).ToList();
        if (unused.Count == 0)
            return;
        db.AnnexFiles.RemoveRange(unused);
        await db.SaveChangesAsync(ct);
        await contents.CollectAsync(unused[0].OrganisationId, unused.Select(f => f.Sha256), ct);
    }
}
