using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Geography;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Documents;

/// The pictures a proposal's documents show: the PNG and JPEG files attached to its theory-of-
/// change and organisation-chart annex rows, read from the store through the request's own
/// view of the file rows (tenancy: a file the reader may not see is not drawn) and made fit for
/// a document by PictureReader (decoded, re-encoded, upright, at most 2,000 pixels wide).
/// Loaded once per package or preview, before the documents are drawn; the model
/// (its "pictures") names the same files, and a figure whose picture is not here is left
/// out of the documents.
public sealed class DocumentPictures(FinanceBuilderDbContext db, ContentStore contents, Maps.LocationMapSource maps)
{
    /// The key of the location map, drawn from the proposal's countries, coordinates and map
    /// files (Features/Maps) when it has any of them.
    public const string LocationMap = "location_map";

    /// The annex rows whose pictures go into the documents' text, and where (the model's key).
    public static readonly IReadOnlyDictionary<AnnexType, string> Placed = new Dictionary<AnnexType, string>
    {
        [AnnexType.TheoryOfChangeDiagram] = "theory_of_change",
        [AnnexType.OrganisationChart] = "organisation_chart",
    };

    /// The files of <paramref name="proposal"/> that its documents show, in the annex list's order.
    public static IEnumerable<(Annex Row, AttachedFile File)> Of(Proposal proposal) =>
        AttachedFiles.All(proposal).Where(x => Placed.ContainsKey(x.Row.Type) && x.File.Kind is FileKind.Png or FileKind.Jpeg);

    /// The pictures of a proposal read from a file, which has no stored files: the location map
    /// alone, drawn from its countries and coordinates when it gives any.
    public static IReadOnlyDictionary<string, DocumentImage> WithoutFiles(Proposal proposal) =>
        MapLayout.Lay(MapContent.Of(proposal), WorldAtlas.Instance) is { } map
            ? new Dictionary<string, DocumentImage>(StringComparer.Ordinal) { [LocationMap] = MapPicture.Paint(map) }
            : new Dictionary<string, DocumentImage>(StringComparer.Ordinal);

    /// The pictures by file id (32 hexadecimal digits, the key the templates use).
    public async Task<IReadOnlyDictionary<string, DocumentImage>> LoadAsync(Proposal proposal, CancellationToken ct)
    {
        var wanted = Of(proposal).Select(x => AttachedFiles.IdOf(x.File)).OfType<Guid>().Distinct().ToList();
        var pictures = new Dictionary<string, DocumentImage>(StringComparer.Ordinal);
        if (MapLayout.Lay(await maps.LoadAsync(proposal, ct), WorldAtlas.Instance) is { } map)
            pictures[LocationMap] = MapPicture.Paint(map);
        if (wanted.Count == 0)
            return pictures;
        var rows = await db.AnnexFiles.AsNoTracking().Where(f => wanted.Contains(f.Id)).ToListAsync(ct);
        foreach (var row in rows)
        {
            await using var stored = await contents.OpenAsync(row, ct);
            if (stored is null)
                continue;
            // Pictures are at most the file limit (25 MB by default) and few: read whole, once.
            using var bytes = new MemoryStream((int)Math.Min(row.Bytes, int.MaxValue));
            await stored.CopyToAsync(bytes, ct);
            bytes.Position = 0;
            if (PictureReader.Read(bytes) is { } picture)
                pictures[row.Id.ToString("N")] = picture;
        }
        return pictures;
    }
}
