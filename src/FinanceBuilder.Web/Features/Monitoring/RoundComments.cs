using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Collaboration;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The comments on a reporting round, read and written the same way by the reporting team and by
/// the donor or accredited entity the project is shared with (who may only post where its pages
/// let it: Scorer). A comment is kept as written and audited.
public static class RoundComments
{
    public const int MaxLength = 4000;

    public static async Task<IReadOnlyList<MonitoringComment>> ReadAsync(FinanceBuilderDbContext db, Guid roundId, CancellationToken ct) =>
        await db.MonitoringComments.AsNoTracking().Where(c => c.RoundId == roundId).OrderBy(c => c.CreatedAt).ToListAsync(ct);

    /// The problem with a comment, in the reader's language, or null when it can be posted.
    public static string? Problem(string? text, System.Globalization.CultureInfo culture) =>
        string.IsNullOrWhiteSpace(text) ? MonitoringText.Texts.Format(culture, "Comments.Empty")
        : text.Trim().Length > MaxLength ? MonitoringText.Texts.Format(culture, "Comments.TooLong", MaxLength, text.Trim().Length)
        : Localization.TypedText.Problem(text, multiLine: true, MonitoringText.Texts.Format(culture, "Comments.Label"), culture);

    public static async Task PostAsync(FinanceBuilderDbContext db, AccessScope access, ReportingRound round, string text, DateTime now, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == access.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        db.MonitoringComments.Add(new MonitoringComment
        {
            Id = Guid.NewGuid(),
            RoundId = round.Id,
            ProposalId = round.ProposalId,
            OrganisationId = round.OrganisationId,
            AuthorOrganisationId = access.OrganisationId,
            AuthorOrganisationName = organisation,
            AuthorUserId = access.UserId,
            AuthorName = access.UserName,
            Text = text.Trim(),
            CreatedAt = now,
        });
        db.AuditEvents.Add(AuditTrail.Event(access, round.ProposalId, round.OrganisationId, now, "report-comment", null,
            $"{round.Year}: {(text.Trim().Length > 200 ? text.Trim()[..199] + "…" : text.Trim())}"));
        await db.SaveChangesAsync(ct);
    }
}
