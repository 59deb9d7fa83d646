using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Review.Workflow;

/// Who reviews a submission and against which call and deadline, as the submission page and the
/// team page draw it: the sheets (one per reviewer), the members who could be assigned, and the
/// organisation's calls.
public sealed record ReviewTeam(
    Guid SubmissionId, IReadOnlyList<ReviewerSheet> Sheets, IReadOnlyList<ReviewTeam.Member> Assignable,
    IReadOnlyList<ReviewCall> Calls, ReviewCase? Case, DateOnly? Deadline, bool CanManage)
{
    public sealed record Member(Guid Id, string Name);

    /// The organisation's editors and administrators not yet on the submission. The users table
    /// has no query filter (sign-in reads it): the organisation is said here.
    public static async Task<ReviewTeam> LoadAsync(
        FinanceBuilderDbContext db, AccessScope access, Guid submissionId, IReadOnlyList<ReviewerSheet> sheets, ReviewCase? reviewCase, DateOnly? deadline, CancellationToken ct)
    {
        if (!access.CanScore)
            return new ReviewTeam(submissionId, sheets, [], [], reviewCase, deadline, false);
        var taken = sheets.Select(s => s.ReviewerUserId).ToList();
        var members = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == access.OrganisationId && u.DisabledAt == null
                && (u.Role == MemberRole.Editor || u.Role == MemberRole.OrganisationAdmin) && !taken.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Member(u.Id, u.DisplayName))
            .ToListAsync(ct);
        var calls = await db.ReviewCalls.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        return new ReviewTeam(submissionId, sheets, members, calls, reviewCase, deadline, true);
    }

    /// Where one reviewer is: not declared yet, excluded, scoring, handed in.
    public static string StateKey(ReviewerSheet sheet) => sheet switch
    {
        { Excluded: true } => "Team.State.Excluded",
        { Conflict: null } => "Team.State.Undeclared",
        { SubmittedAt: not null } => "Team.State.HandedIn",
        _ => "Team.State.Scoring",
    };
}
