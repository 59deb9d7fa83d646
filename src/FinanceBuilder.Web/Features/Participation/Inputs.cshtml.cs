using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Participation.Public;
using FinanceBuilder.Web.Features.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Participation;

/// "What people said": every input — said at a consultation, written down by staff for someone
/// (assisted), or published from the public page — with the project's response to each; inputs
/// still without one first. Staff record an input here and respond; both are audited, and an
/// assisted input keeps who entered it, when, and the consent statement read to the person.
public sealed class InputsPage(FinanceBuilderDbContext db, EvidenceRefresh refresh, AccessScope access, TimeProvider clock) : PageModel
{
    public const int PerPage = 50;

    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    public Guid Id { get; private set; }
    public string ProposalTitle { get; private set; } = "";
    /// The organisation the proposal belongs to: its records are that organisation's too.
    public Guid Owner { get; private set; }
    public IReadOnlyList<ConsultationRecord> Consultations { get; private set; } = [];
    public IReadOnlyList<ParticipationInput> Inputs { get; private set; } = [];
    public IReadOnlyList<string> Questions { get; private set; } = [];
    public int Total { get; private set; }
    public int WithoutResponse { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public bool CanEdit => access.CanEditProposals;
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    /// The input whose response was refused, to show its errors beside it.
    public Guid? RespondingTo { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public InputForm Form { get; set; } = new();
    [BindProperty] public ResponseForm Reply { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, string? done, CancellationToken ct)
    {
        PageNumber = Math.Clamp(p ?? 1, 1, 100_000);
        if (!await LoadAsync(id, ct))
            return NotFound();
        Done = done is "recorded" or "responded" ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var result = new InputForm.Validator(Culture, Consultations.Select(c => c.Id).ToList()).Validate(Form);
        if (!result.IsValid)
            return Refused(result);
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = Owner;
        var input = new ParticipationInput
        {
            Id = Guid.NewGuid(),
            ProposalId = id,
            OrganisationId = owner,
            ConsultationId = Form.ConsultationId,
            Source = Form.Assisted ? InputSource.Assisted : InputSource.Consultation,
            Channel = Form.Assisted ? Form.Channel : null,
            Text = PlainText.Clean(Form.Text),
            Group = Form.Group,
            AuthorName = Optional(Form.AuthorName),
            Contact = Optional(Form.Contact),
            ReceivedAt = now,
            Assisted = Form.Assisted,
            EnteredByUserId = access.UserId,
            EnteredByName = access.UserName,
            ConsentRead = Form.Assisted ? Optional(Form.ConsentRead) : null,
            Moderation = Moderation.Internal,
        };
        db.ParticipationInputs.Add(input);
        db.AuditEvents.Add(AuditTrail.Event(access, id, owner, now, Form.Assisted ? "input-assisted" : "input", null,
            Form.Assisted ? $"entered for a resident ({input.Channel}), consent read" : "recorded from a consultation"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.Inputs(id)}?done=recorded#inputs");
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        var input = await db.ParticipationInputs.FirstOrDefaultAsync(i => i.Id == Reply.InputId && i.ProposalId == id
            && (i.Moderation == Moderation.Internal || i.Moderation == Moderation.Published), ct);
        if (input is null)
            return NotFound();
        var result = new ResponseForm.Validator(Culture).Validate(Reply);
        if (!result.IsValid)
        {
            RespondingTo = input.Id;
            return Refused(result);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        input.Disposition = Reply.Disposition;
        input.Response = PlainText.Clean(Reply.Response);
        input.SectionChanged = string.IsNullOrEmpty(Reply.SectionChanged) ? null : Reply.SectionChanged;
        input.RespondedAt = now;
        input.RespondedByName = access.UserName;
        db.AuditEvents.Add(AuditTrail.Event(access, id, input.OrganisationId, now, "input-response", input.SectionChanged, $"{input.Disposition}"));
        await db.SaveChangesAsync(ct);
        await refresh.AfterChangeAsync(id, ct);
        return Redirect($"{ParticipationUrls.Inputs(id)}?done=responded#inputs");
    }

    private PageResult Refused(FluentValidation.Results.ValidationResult result)
    {
        foreach (var failure in result.Errors)
            Errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : PlainText.Clean(text);


    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProposalTitles.HeadingAsync(db, id, Culture, ct) is not { } heading)
            return false;
        Id = id;
        (ProposalTitle, Owner) = (heading.Title, heading.OwnerOrganisationId);
        Consultations = await db.Consultations.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.HeldOn).ToListAsync(ct);
        var inputs = db.ParticipationInputs.AsNoTracking()
            .Where(i => i.ProposalId == id && (i.Moderation == Moderation.Internal || i.Moderation == Moderation.Published));
        Total = await inputs.CountAsync(ct);
        WithoutResponse = await inputs.CountAsync(i => i.Disposition == null, ct);
        // Those still waiting for a response first, then the newest.
        Inputs = await inputs.OrderBy(i => i.Disposition != null).ThenByDescending(i => i.ReceivedAt).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PerPage).Take(PerPage).ToListAsync(ct);
        Questions = (await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.ProposalId == id, ct))?.QuestionsIn(Culture) ?? [];
        return true;
    }
}
