using System.Text.RegularExpressions;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Organisation;

/// The organisation identifier an organisation registered for IATI, recorded by its administrator:
/// its published actions are then reported under it (reporting-org, activity identifiers), each
/// naming the identifier the platform gave it before (docs/catalogue.md). Recording or clearing it
/// re-dates the organisation's public actions, so that caches and the feed of changes carry the
/// new identifiers.
public static partial class IatiIdentifier
{
    /// A registration agency's prefix (two capitals, a hyphen, its code) and the organisation's
    /// number there: "XM-DAC-41114", "GB-COH-01234567", "SN-NINEA-005046286".
    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Shape();

    /// The identifier as stored (trimmed; null for none), or the key of the message saying why not.
    public static (string? Value, string? Error) Read(string? typed)
    {
        var value = typed?.Trim();
        if (string.IsNullOrEmpty(value))
            return (null, null);
        if (value.Length > OrganisationRecord.MaxIatiIdentifier || !Shape().IsMatch(value))
            return (null, "IatiIdentifierInvalid");
        return (value, null);
    }

    /// Saves it for the organisation and for each of its public actions, with their search index
    /// rows, in one transaction.
    public static async Task SaveAsync(FinanceBuilderDbContext db, Guid organisationId, string? value, DateTime now, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstAsync(o => o.Id == organisationId, ct);
        if (organisation.IatiIdentifier == value)
            return;
        organisation.IatiIdentifier = value;
        var published = await db.PublishedActions.Where(p => p.OrganisationId == organisationId && p.WithdrawnAt == null).ToListAsync(ct);
        foreach (var action in published)
        {
            action.ReportingOrgRef = value;
            action.UpdatedAt = now;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // All now updated at the same instant: the catalogue breaks that tie by id, and SQLite's
        // index counts a later write as newer, so the smallest id is written last.
        foreach (var action in published.OrderByDescending(p => CatalogueIndex.TieOrder(p.Id), StringComparer.Ordinal))
            await CatalogueIndex.WriteAsync(db, action, ct);
        await transaction.CommitAsync(ct);
    }
}
