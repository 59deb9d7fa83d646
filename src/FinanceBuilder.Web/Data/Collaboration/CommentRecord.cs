namespace FinanceBuilder.Web.Data.Collaboration;

/// A comment on one section of a proposal, resolved and reopened by the team.
public sealed class CommentRecord
{
    public Guid Id { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public string Section { get; set; } = "";
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public Guid? ResolvedByUserId { get; set; }
}
