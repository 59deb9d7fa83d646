using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Data.Participation;

/// One thing people said about a proposal (docs/decisions/0022-participation.md): at a recorded
/// consultation, through staff who wrote it down for someone (assisted), or on the public
/// consultation page. Each gets the project's response. A comment left on the public page waits
/// for a moderator before anyone else sees it; the others were never public.
public sealed class ParticipationInput
{
    public const int MaxText = 4000;
    public const int MaxResponse = 4000;
    public const int MaxContact = 200;
    public const int MaxName = 200;

    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    /// The proposal's owner, for the tenancy filter.
    public Guid OrganisationId { get; set; }
    /// The consultation it was said at, if any.
    public Guid? ConsultationId { get; set; }
    public InputSource Source { get; set; }
    /// How it reached the project when staff wrote it down: in person, phone, paper form, SMS…
    public InputChannel? Channel { get; set; }
    /// The public page's question it answers (0-based), when it answers one.
    public int? Question { get; set; }
    public string Text { get; set; } = "";
    /// The group the person declared, if they declared one; never guessed.
    public StakeholderGroup? Group { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// Entered by staff on someone's behalf (AC-16: who, when, and the consent statement read).
    public bool Assisted { get; set; }
    public Guid? EnteredByUserId { get; set; }
    public string? EnteredByName { get; set; }
    public string? ConsentRead { get; set; }

    /// Personal data, kept only when the person asks: a name to be credited with, a contact to be
    /// answered at. Erased on request (ErasedAt), when the text goes too.
    public string? AuthorName { get; set; }
    public string? Contact { get; set; }
    public DateTime? ErasedAt { get; set; }

    public Moderation Moderation { get; set; }
    public DateTime? ModeratedAt { get; set; }
    public string? ModeratedByName { get; set; }

    public Disposition? Disposition { get; set; }
    public string? Response { get; set; }
    /// The wizard page whose design changed because of it (a step id), when it changed one.
    public string? SectionChanged { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? RespondedByName { get; set; }
}

public enum InputSource { Consultation, Assisted, PublicPage }

public enum InputChannel { InPerson, Phone, PaperForm, Sms, Representative, Email }

/// Where a public page's comment stands; inputs staff recorded are Internal and never public.
public enum Moderation { Internal, Pending, Published, Rejected }

/// What the project did with an input (its "disposition").
public enum Disposition { Accepted, DesignChanged, NotTaken }
