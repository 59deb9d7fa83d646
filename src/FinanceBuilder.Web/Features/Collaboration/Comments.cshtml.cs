using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Collaboration;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Questionnaire;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Collaboration;

/// Comments on the sections (wizard pages) of one proposal, with resolve and reopen. Readers
/// read them; posting needs an editor (ProposalWriteFilter answers 403 otherwise), and a donor
/// never reaches them: the proposal and its comments are outside a donor's query filter (404).
/// Each change also writes an audit event, in the same save.
public sealed class CommentsPage(IMediator mediator, FinanceBuilderDbContext db, AccessScope access, TimeProvider clock) : PageModel
{
    public const int MaxLength = 4000;

    public sealed record Form(string? Section, string? Text, IReadOnlyCollection<string> Sections);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Section).Must((form, section) => section is not null && form.Sections.Contains(section))
                .WithName("section").WithMessage(_ => CollaborationText.Texts["CommentSectionRequired"]);
            RuleFor(f => f.Text).Must(t => !string.IsNullOrWhiteSpace(t))
                .WithName("text").WithMessage(_ => CollaborationText.Texts["CommentTextRequired"]);
            RuleFor(f => f.Text).Must(t => t is null || t.Trim().Length <= MaxLength)
                .WithName("text").WithMessage(f => CollaborationText.Texts["CommentTextTooLong", MaxLength, f.Text!.Trim().Length]);
            RuleFor(f => f.Text).Must(t => Localization.TypedText.IndexOfRefused(t, multiLine: true) < 0)
                .WithName("text").WithMessage(f => Localization.TypedText.Problem(f.Text, multiLine: true, CollaborationText.Texts["Action.comment"])!);
        }
    }

    public Guid Id { get; private set; }
    public string? Title { get; private set; }
    public IReadOnlyList<Step> Steps { get; private set; } = [];
    /// Sections in the wizard's order, each with its comments, oldest first.
    public IReadOnlyList<(string Section, IReadOnlyList<CommentRecord> Comments)> Groups { get; private set; } = [];
    public int OpenCount { get; private set; }
    public IReadOnlyDictionary<Guid, string> ResolverNames { get; private set; } = new Dictionary<Guid, string>();
    public string? Filter { get; private set; }
    public string? ChosenSection { get; private set; }
    public string? Text { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Notice { get; private set; }
    public bool CanWrite => access.CanEditProposals;
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public static string PathOf(Guid id, string? section = null) =>
        $"/proposals/{id}/comments" + (section is null ? "" : "?section=" + Uri.EscapeDataString(section));

    public async Task<IActionResult> OnGetAsync(Guid id, string? section, string? done, CancellationToken ct)
    {
        if (done is "added" or "resolved" or "reopened")
            Notice = CollaborationText.Texts["CommentDone." + done];
        return await LoadAsync(id, section, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? section, string? text, string? filter, CancellationToken ct)
    {
        if (!await LoadAsync(id, filter, ct))
            return NotFound();
        ChosenSection = section;
        Text = text;
        var check = new Validator().Validate(new Form(section, text, Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal)));
        if (!check.IsValid)
        {
            foreach (var failure in check.Errors)
                Errors.TryAdd(failure.PropertyName == nameof(Form.Section) ? "section" : "text", failure.ErrorMessage);
            return Page();
        }
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.OwnerOrganisationId }).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var body = text!.Trim();
        db.Comments.Add(new CommentRecord
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            ProposalId = id,
            OrganisationId = proposal.OwnerOrganisationId,
            Section = section!,
            AuthorUserId = access.UserId!.Value,
            AuthorName = access.UserName,
            Text = body,
            CreatedAt = now,
        });
        db.AuditEvents.Add(Audit(id, proposal.OwnerOrganisationId, now, "comment", section!, body));
        await db.SaveChangesAsync(ct);
        return Redirect(PathOf(id, filter) + (filter is null ? "?" : "&") + "done=added#section-" + section);
    }

    public Task<IActionResult> OnPostResolveAsync(Guid id, Guid commentId, string? filter, CancellationToken ct) =>
        ChangeAsync(id, commentId, filter, resolve: true, ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, Guid commentId, string? filter, CancellationToken ct) =>
        ChangeAsync(id, commentId, filter, resolve: false, ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Guid commentId, string? filter, bool resolve, CancellationToken ct)
    {
        // The filter hides comments of proposals this person may not see; the proposal must
        // still be there (not deleted) too.
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProposalId == id, ct);
        if (comment is null || !await db.Proposals.AnyAsync(p => p.Id == id, ct))
            return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        if (resolve && comment.ResolvedAt is null)
        {
            comment.ResolvedAt = now;
            comment.ResolvedByUserId = access.UserId;
            db.AuditEvents.Add(Audit(id, comment.OrganisationId, now, "comment-resolved", comment.Section, comment.Text));
        }
        else if (!resolve && comment.ResolvedAt is not null)
        {
            comment.ResolvedAt = null;
            comment.ResolvedByUserId = null;
            db.AuditEvents.Add(Audit(id, comment.OrganisationId, now, "comment-reopened", comment.Section, comment.Text));
        }
        await db.SaveChangesAsync(ct);
        return Redirect(PathOf(id, filter) + (filter is null ? "?" : "&") + "done=" + (resolve ? "resolved" : "reopened") + "#comment-" + comment.Id);
    }

    // The audit trail keeps the start of the comment; the comment itself keeps the whole.
    private AuditEvent Audit(Guid proposalId, Guid organisationId, DateTime now, string action, string section, string text) =>
        AuditTrail.Event(access, proposalId, organisationId, now, action, section, text.Length > 200 ? text[..199] + "…" : text);

    private async Task<bool> LoadAsync(Guid id, string? section, CancellationToken ct)
    {
        var opened = await mediator.Send(new OpenProposal.Query(id), ct);
        if (opened is null)
            return false;
        Id = id;
        Title = opened.Summary.Title;
        Steps = StepCatalogue.For(opened.Proposal).ToList();
        Filter = section is not null && StepCatalogue.Find(section) is { } step ? step.Id : null;
        var comments = await db.Comments.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);
        OpenCount = comments.Count(c => c.ResolvedAt is null);
        var resolvers = comments.Where(c => c.ResolvedByUserId is not null).Select(c => c.ResolvedByUserId!.Value).Distinct().ToList();
        ResolverNames = resolvers.Count == 0 ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => resolvers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var order = StepCatalogue.All.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        Groups = comments
            .Where(c => Filter is null || c.Section == Filter)
            .GroupBy(c => c.Section, StringComparer.Ordinal)
            .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<CommentRecord>)g.ToList()))
            .ToList();
        ChosenSection = Filter;
        return true;
    }
}
