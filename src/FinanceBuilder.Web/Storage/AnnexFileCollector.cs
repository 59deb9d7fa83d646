using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// Forgets the files of a proposal that nothing needs any more: not listed by its document and
/// not frozen in one of its submitted versions; then their contents, once no other file of the
/// organisation has the same. Runs after each change on the annex files page and when a
/// proposal is deleted (its submitted versions keep theirs).
public sealed class AnnexFileCollector(FinanceBuilderDbContext db, ContentStore contents)
{
    public async Task CollectAsync(Guid proposalId, IReadOnlyCollection<Guid> stillListed, CancellationToken ct)
    {
        var unused = await db.AnnexFiles
            .Where(f => f.ProposalId == proposalId && !stillListed.Contains(f.Id) && !db.SubmissionFiles.Any(s => s.AnnexFileId == f.Id))
            .ToListAsync(ct);
        if (unused.Count == 0)
            return;
        db.AnnexFiles.RemoveRange(unused);
        await db.SaveChangesAsync(ct);
        await contents.CollectAsync(unused[0].OrganisationId, unused.Select(f => f.Sha256), ct);
    }
}
