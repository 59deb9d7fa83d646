using System.Globalization;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// Publishing is its own act, on its own page: the action exactly as the public will see it, the
/// list of what becomes public, what publishing cannot undo (copies already harvested), and the
/// button. Withdrawing is here too.
[Authorize(Policy = Policies.ApplicantEditor)]
public sealed class PublishPage(FinanceBuilderDbContext db, IMediator mediator) : PageModel
{
    public ActionView View { get; private set; } = null!;
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public int? PublishedRevision { get; private set; }
    public bool Changed { get; private set; }
    public string? Notice { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Notice = done switch
        {
            "published" => CatalogueText.Texts["Publish.Done", PublishedRevision ?? 1],
            "withdrawn" => CatalogueText.Texts["Publish.WithdrawnDone"],
            _ => null,
        };
        return Page();
    }

    /// The record's version this preview shows: the publish form posts it back.
    public int Version { get; private set; }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, int? version, CancellationToken ct) => await Act(id, withdraw: false, version, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) => await Act(id, withdraw: true, null, ct);

    private async Task<IActionResult> Act(Guid id, bool withdraw, int? version, CancellationToken ct)
    {
        var result = await mediator.Send(new PublishAction.Command(id, withdraw, Culture, version), ct);
        switch (result.Outcome)
        {
            case PublishAction.Outcome.NotFound:
                return NotFound();
            case PublishAction.Outcome.Published:
                return Redirect(CatalogueUrls.Publish(id) + "?done=published");
            case PublishAction.Outcome.Withdrawn:
                return Redirect(CatalogueUrls.Publish(id) + "?done=withdrawn");
        }
        await LoadAsync(id, ct);
        Notice = result.Outcome switch
        {
            PublishAction.Outcome.NotPublished => CatalogueText.Texts["Publish.NotPublished"],
            PublishAction.Outcome.ChangedSincePreview => CatalogueText.Texts["Publish.ChangedSincePreview"],
            _ => null,
        };
        // A record saved since the preview: this page now previews it; nothing was published.
        Response.StatusCode = result.Outcome == PublishAction.Outcome.ChangedSincePreview ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await db.CatalogueActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (record is null)
            return false;
        var action = ActionJson.FromStored(record.Document);
        Version = record.Version;
        // The preview shows the progress that publishing would make public.
        await ActionProgress.FillAsync(db, record.ProposalId, action, ct);
        await ActionParticipation.FillAsync(db, record.ProposalId, action, ct);
        var publisher = await db.Organisations.Where(o => o.Id == record.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var published = await db.PublishedActions.AsNoTracking().Where(p => p.Id == id && p.WithdrawnAt == null)
            .Select(p => new { p.Document, p.Revision }).FirstOrDefaultAsync(ct);
        PublishedRevision = published?.Revision;
        // Whether the record differs from what the public sees now.
        Changed = published is not null && published.Document != ActionJson.Serialize(action);
        View = new ActionView(id, action, publisher, null, null);
        Fields = PublicProjection.FilledFields(action).Select(f => CatalogueText.Texts.Get("Field." + f, Culture)).ToList();
        Missing = PublishAction.Missing(action, Culture);
        return true;
    }
}
