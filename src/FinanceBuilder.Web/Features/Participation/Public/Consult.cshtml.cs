using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Catalogue;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation.Public;

/// A proposal's public consultation page, for anyone, without an account: the summary written for
/// residents, the questions, the comments a moderator published with the organisation's
/// responses, and — while the period is open — a form to leave a comment. What a resident posts
/// waits for moderation (docs/decisions/0022-participation.md); no page shows it before.
[AllowAnonymous]
[RateLimits.SharedRateLimit(PublicCaching.RateLimit)]
[RequestSizeLimit(MaxBody)]
public sealed class ConsultPage(FinanceBuilderDbContext db, PublicPostLimit limit, TimeProvider clock) : PageModel
{
    /// A comment is at most 4,000 characters: a body many times that is not a comment.
    public const int MaxBody = 64 * 1024;

    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public PublicConsultation Consultation { get; private set; } = null!;
    public const int PerPage = 30;
    /// One page of the published comments, oldest first.
    public IReadOnlyList<ParticipationInput> Published { get; private set; } = [];
    public int PublishedCount { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<string> Questions { get; private set; } = [];
    public string? Summary { get; private set; }
    /// The summary is shown in the other language, since none was written in the reader's.
    public string? SummaryLanguage { get; private set; }
    public bool IsOpen { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool Received { get; private set; }

    [BindProperty] public CommentForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, int? p, CancellationToken ct)
    {
        PageNumber = Math.Clamp(p ?? 1, 1, 100_000);
        if (!await LoadAsync(id, ct))
            return NotFound();
        Received = done == "received";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (await limit.RefusedAsync(HttpContext, Culture, "Public.Error.TooMany", ct) is { } tooMany)
        {
            Errors["Text"] = tooMany;
            return Page();
        }
        if (!IsOpen)
        {
            Errors["Text"] = ParticipationText.Texts.Format(Culture, "Public.Error.Closed");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        // A bot filled the field people never see: it is told what a person is told, and nothing is kept.
        if (!string.IsNullOrEmpty(Form.Website))
            return Redirect($"/consult/{id}?done=received#comment");
        var result = new CommentForm.Validator(Culture, Questions.Count).Validate(Form);
        if (!result.IsValid)
        {
            foreach (var failure in result.Errors)
                Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        db.ParticipationInputs.Add(new ParticipationInput
        {
            Id = Guid.NewGuid(),
            ProposalId = Consultation.ProposalId,
            OrganisationId = Consultation.OrganisationId,
            Source = InputSource.PublicPage,
            Question = Form.Question,
            Text = PlainText.Clean(Form.Text),
            Group = Form.Group,
            AuthorName = Optional(Form.AuthorName),
            Contact = Optional(Form.Contact),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            Moderation = Moderation.Pending,
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/consult/{id}?done=received#comment");
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : PlainText.Clean(text);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } page)
            return false;
        Consultation = page;
        var french = Culture.TwoLetterISOLanguageName == "fr";
        (Summary, SummaryLanguage) = (french ? page.SummaryFr : page.SummaryEn) is { Length: > 0 } own ? (own, null)
            : french ? (page.SummaryEn, "en") : (page.SummaryFr, "fr");
        Questions = page.QuestionsIn(Culture);
        IsOpen = page.IsOpen(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var published = db.ParticipationInputs.AsNoTracking().Where(i => i.ProposalId == page.ProposalId && i.Moderation == Moderation.Published && i.ErasedAt == null);
        PublishedCount = await published.CountAsync(ct);
        Published = await published.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Skip((PageNumber - 1) * PerPage).Take(PerPage).ToListAsync(ct);
        return true;
    }
}
