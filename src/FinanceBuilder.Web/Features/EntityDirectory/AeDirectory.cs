using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.EntityDirectory;

/// The accredited entities the wizard offers, and where that list came from.
public sealed record DirectorySnapshot(IReadOnlyList<DirectoryEntry> Entries, DirectoryVersion? Version)
{
    private readonly Dictionary<string, DirectoryEntry> byId = Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public DirectoryEntry? Find(string? id) => id is not null && byId.TryGetValue(id, out var entry) ? entry : null;

    /// True when the list is the one shipped with the app (no upload, or a reset since).
    public bool IsShipped => Version is null or { Action: "reset" };
}

/// The current directory: the last file a platform administrator uploaded, else the seed shipped
/// in accredited-entities.csv. The database says which one; the parsed list is kept per version,
/// so a request pays one small query, and every node sees a change at its next request.
public sealed class AeDirectory
{
    public static readonly DirectorySnapshot Shipped = LoadShipped();

    private static readonly AsyncLocal<DirectorySnapshot?> Ambient = new();
    private sealed record Cache(long Id, DirectorySnapshot Snapshot);
    private Cache cache = new(0, Shipped);

    /// The directory of the request being served (set by <see cref="DirectoryMiddleware"/>); the
    /// shipped one outside a request.
    public static DirectorySnapshot Current => Ambient.Value ?? Shipped;

    /// After the page is read: a picked entry writes its name, kind and scope over the AE's (the
    /// hand-written fields of the same post, if any, were the ones shown before the pick); the
    /// access modality follows the kind.
    public static void SettleApplicant(Proposal proposal)
    {
        var ae = proposal.Applicant.AccreditedEntity;
        Current.Find(ae.DirectoryId)?.FillIn(ae);
        if (ae.Kind is { } kind)
            ae.AccessModality = AccreditedEntity.ModalityOf(kind);
    }

    public static void Use(DirectorySnapshot snapshot) => Ambient.Value = snapshot;

    public async Task<DirectorySnapshot> ReadAsync(FinanceBuilderDbContext db, CancellationToken ct)
    {
        var latest = await db.DirectoryVersions.AsNoTracking().OrderByDescending(v => v.Id).Select(v => new { v.Id, v.Action }).FirstOrDefaultAsync(ct);
        if (latest is null)
            return Shipped;
        var known = Volatile.Read(ref cache);
        if (latest.Id == known.Id)
            return known.Snapshot;
        var version = await db.DirectoryVersions.AsNoTracking().SingleAsync(v => v.Id == latest.Id, ct);
        var entries = version.Csv is null ? Shipped.Entries : DirectoryCsv.Read(version.Csv, CultureInfo.InvariantCulture).Entries;
        // A stored file was checked when it was uploaded; should it read as empty now (a newer
        // rule), the shipped list is better than none.
        version.Csv = null;
        var snapshot = new DirectorySnapshot(entries.Count > 0 ? entries : Shipped.Entries, version);
        Volatile.Write(ref cache, new Cache(latest.Id, snapshot));
        return snapshot;
    }

    private static DirectorySnapshot LoadShipped()
    {
        using var stream = typeof(AeDirectory).Assembly.GetManifestResourceStream("FinanceBuilder.Web.accredited-entities.csv")
            ?? throw new InvalidOperationException("accredited-entities.csv is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var read = DirectoryCsv.Read(reader.ReadToEnd(), CultureInfo.InvariantCulture);
        if (!read.IsValid)
            throw new InvalidOperationException("The shipped accredited-entities.csv is not valid: " + string.Join("; ", read.Errors.Take(5)));
        return new DirectorySnapshot(read.Entries, null);
    }
}
