namespace FinanceBuilder.Web.Data.Accounts;

/// One signed-in browser. The cookie carries only this row's id; each request checks the row,
/// so signing out or disabling an account ends the session at once (T10), and idle and
/// absolute lifetimes are enforced on the server, not trusted from the cookie.
public sealed class SessionRecord
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
}
