using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Storage;

/// The files of a proposal's annex rows as its document lists them (annexes[].files): the one
/// place the rules, the documents, the package and the pages learn what is attached. Only the
/// server writes them: the annex files page from what it measured, and every other writer of a
/// whole document (API, import, copy) through Reconcile or Forget.
public static class AttachedFiles
{
    /// The fact a document keeps of a stored file.
    public static AttachedFile Fact(AnnexFileRecord file) => new()
    {
        Id = file.Id.ToString("N"),
        Name = file.Name,
        Kind = file.Kind,
        Bytes = file.Bytes,
        Sha256 = file.Sha256,
        Pages = file.Pages,
        Width = file.Width,
        Height = file.Height,
        Cautions = FileKinds.List(file.Cautions),
        Places = ReadPlaces(file.Places),
    };

    /// "−0.8405 9.4012;1.21 6.13": a map file's places as the database keeps them.
    public static string? WritePlaces(IReadOnlyList<Geography.LonLat>? places) =>
        places is not { Count: > 0 } ? null : string.Join(';', places.Select(p => FormattableString.Invariant($"{Math.Round(p.Lon, 5)} {Math.Round(p.Lat, 5)}")));

    public static List<FilePlace> ReadPlaces(string? places) =>
        string.IsNullOrEmpty(places) ? [] : places.Split(';').Select(pair => pair.Split(' '))
            .Where(xy => xy.Length == 2)
            .Select(xy => new FilePlace
            {
                Longitude = decimal.Parse(xy[0], System.Globalization.CultureInfo.InvariantCulture),
                Latitude = decimal.Parse(xy[1], System.Globalization.CultureInfo.InvariantCulture),
            }).ToList();

    public static IEnumerable<(Annex Row, AttachedFile File)> All(Proposal proposal) =>
        proposal.Annexes.SelectMany(row => row.Files.Select(file => (row, file)));

    public static long TotalBytes(Proposal proposal) => All(proposal).Sum(f => f.File.Bytes ?? 0);

    public static Guid? IdOf(AttachedFile file) => Guid.TryParseExact(file.Id, "N", out var id) ? id : null;

    /// A new proposal (a copy, an imported file) has no stored file of its own: whatever its
    /// document says of files is dropped.
    public static void Forget(Proposal proposal)
    {
        foreach (var row in proposal.Annexes)
            row.Files.Clear();
    }

    /// A proposal file read from disk (the command line) with its claims of files removed: it
    /// carries none of their bytes. A file that is not JSON is left for the reader to refuse.
    public static string WithoutFiles(string json)
    {
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject { } root
                || root["annexes"] is not System.Text.Json.Nodes.JsonArray rows)
                return json;
            var changed = false;
            foreach (var row in rows.OfType<System.Text.Json.Nodes.JsonObject>())
                changed |= row["files"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } && row.Remove("files");
            return changed ? root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) : json;
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
    }

    /// A whole document sent for a stored proposal (the API's PUT): a file is kept only if it is
    /// one of this proposal's stored files, and its facts become the stored ones. A client may
    /// move a file to another row or drop it; it cannot invent one or borrow another's.
    public static async Task ReconcileAsync(FinanceBuilderDbContext db, Guid proposalId, Proposal proposal, CancellationToken ct)
    {
        if (!All(proposal).Any())
            return;
        var stored = await db.AnnexFiles.AsNoTracking().Where(f => f.ProposalId == proposalId).ToDictionaryAsync(f => f.Id.ToString("N"), ct);
        foreach (var row in proposal.Annexes)
        {
            var kept = row.Files.Where(f => stored.ContainsKey(f.Id)).DistinctBy(f => f.Id).Select(f => Fact(stored[f.Id])).ToList();
            row.Files.Clear();
            row.Files.AddRange(kept);
        }
    }
}
