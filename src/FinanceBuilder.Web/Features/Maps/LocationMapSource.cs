using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Maps;

/// What a proposal's location map shows, with the map files attached to it read from the
/// store through the request's own view of the file rows (tenancy: a file the reader may not
/// see is not drawn). The wizard's map picture and the documents both ask here.
public sealed class LocationMapSource(FinanceBuilderDbContext db, ContentStore contents)
{
    public async Task<MapContent> LoadAsync(Proposal proposal, CancellationToken ct)
    {
        var wanted = MapContent.MapFiles(proposal).Select(AttachedFiles.IdOf).OfType<Guid>().Distinct().ToList();
        var shapes = new List<GeoShape>();
        if (wanted.Count > 0)
        {
            var rows = await db.AnnexFiles.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToListAsync(ct);
            var budget = GeoFileReader.MaxPositions;
            foreach (var row in rows.OrderBy(r => wanted.IndexOf(r.Id)))
            {
                await using var stored = await contents.OpenAsync(row, ct);
                if (stored is null || budget <= 0)
                    continue;
                // The readers take a seekable stream (a KMZ is a zip); map files are few and at
                // most the upload limit.
                using var copy = new MemoryStream((int)Math.Min(row.Bytes, int.MaxValue));
                await stored.CopyToAsync(copy, ct);
                copy.Position = 0;
                shapes.AddRange(GeoFileReader.Read(row.Kind, copy, ref budget));
            }
        }
        return MapContent.Of(proposal, shapes);
    }
}
