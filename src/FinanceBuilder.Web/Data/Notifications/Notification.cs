namespace FinanceBuilder.Web.Data.Notifications;

/// Something a person is told: in the app (their notifications page and the count in the
/// masthead) and, as they chose, by e-mail at once or in a daily digest. One row per person, so
/// that each reads, and is mailed, on their own.
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    /// The submission or proposal's title as it was, for the line and the e-mail.
    public string Title { get; set; } = "";
    /// Who did it (a person's or an organisation's name).
    public string Actor { get; set; } = "";
    /// Where to go, inside the app ("/review/…").
    public string Link { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public EmailDelivery Email { get; set; }
    public DateTime? EmailedAt { get; set; }
}

public enum NotificationKind
{
    /// A submission was shared with the reader's donor organisation.
    Shared,
    /// The reader was assigned to review a submission.
    Assigned,
    /// A donor released its decision on the reader's proposal.
    Released,
    /// A reviewer commented on a section (to the applicant once released, to the other reviewers at once).
    Commented,
    /// The applicant answered a reviewer's comment.
    Answered,
}

/// How a person wants to hear of one kind of notification, besides the app.
public enum EmailDelivery
{
    /// In the app only.
    None,
    /// By e-mail at once.
    Immediate,
    /// In one e-mail a day with everything new.
    Digest,
}

/// One person's choice for one kind; no row means the default (an e-mail at once).
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public EmailDelivery Email { get; set; }
}
