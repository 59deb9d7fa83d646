using System.Globalization;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Proposals.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The action's record, edited as one form (no JavaScript needed). Saving never publishes: the
/// public keeps the published revision until the organisation publishes again.
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class EditPage(FinanceBuilderDbContext db, TimeProvider clock) : PageModel
{
    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public CatalogueAction Action { get; private set; } = new();
    public int? PublishedRevision { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    /// What was typed, shown again as typed when the form had a mistake.
    public IReadOnlyDictionary<string, string>? Typed { get; private set; }
    public bool Saved { get; private set; }
    public bool Conflict { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        var record = await db.CatalogueActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
            return NotFound();
        Show(record.Id, record.Version, ActionJson.FromStored(record.Document), record.PublishedRevision);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken ct)
    {
        var record = await db.CatalogueActions.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
            return NotFound();
        var reading = ActionForm.Read(Request.Form, Culture);
        var errors = new Dictionary<string, string>(reading.Errors);
        foreach (var limit in ProposalInputCheck.CheckNode(reading.Action, Culture))
            errors.TryAdd(FieldOf(limit.Path), limit.Message);
        if (errors.Count > 0 || version != record.Version)
        {
            Show(id, record.Version, reading.Action, record.PublishedRevision);
            Errors = errors;
            Typed = reading.Typed;
            Conflict = errors.Count == 0;
            Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        record.Document = ActionJson.Serialize(reading.Action);
        record.Title = reading.Action.Title;
        db.Entry(record).Property(r => r.Version).OriginalValue = version;
        record.Version = version + 1;
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Show(id, version, reading.Action, record.PublishedRevision);
            Typed = reading.Typed;
            Conflict = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect(CatalogueUrls.Edit(id) + "?saved=true");
    }

    private void Show(Guid id, int version, CatalogueAction action, int? published)
    {
        Id = id;
        Version = version;
        Action = action;
        PublishedRevision = published;
    }

    /// "$.funding[2].source" → "funding[2].source": the form field a limit names.
    private static string FieldOf(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// The value a field shows: as typed after a mistake, else the record's.
    public string Value(string name, string? stored) => Typed is not null && Typed.TryGetValue(name, out var typed) ? typed : stored ?? "";

    public string Number(decimal? value) => value is { } v ? v.ToString("0.##########", Culture) : "";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
