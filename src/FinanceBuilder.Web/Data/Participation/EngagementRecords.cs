using FinanceBuilder.Web.Proposals.Model;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data.Participation;

/// Reads a proposal's participation records as the evidence its checks and documents use
/// (EngagementEvidence); Features/Participation/EvidenceRefresh keeps the summary of it in the
/// proposal's row up to date.
public static class EngagementRecords
{
    /// The evidence, read as the caller may see it. <paramref name="withInputs"/>: with every input
    /// and its response (the annex); without, counts only (the rules).
    public static async Task<EngagementEvidence> LoadAsync(FinanceBuilderDbContext db, Guid proposalId, bool withInputs, DateOnly today, CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.ProposalId == proposalId).OrderBy(c => c.HeldOn).ToListAsync(ct);
        // What people said that counts: recorded by staff, or published from the public page.
        var inputs = db.ParticipationInputs.AsNoTracking()
            .Where(i => i.ProposalId == proposalId && (i.Moderation == Moderation.Internal || i.Moderation == Moderation.Published));
        var counts = await inputs.GroupBy(i => new { i.Disposition, i.Source })
            .Select(g => new { g.Key.Disposition, g.Key.Source, Count = g.Count() }).ToListAsync(ct);
        var grievances = await db.Grievances.AsNoTracking().Where(g => g.ProposalId == proposalId).ToListAsync(ct);
        var page = await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.ProposalId == proposalId, ct);
        var published = page is null ? 0 : counts.Where(c => c.Source == InputSource.PublicPage).Sum(c => c.Count);
        var statistics = GrievanceStatistics.Of(grievances, today);
        List<HeardInput>? heard = null;
        if (withInputs)
        {
            heard = (await inputs.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToListAsync(ct))
                .Select(i => new HeardInput(DateOnly.FromDateTime(i.ReceivedAt), i.Source.ToString(), i.Group, i.Text, i.Disposition?.ToString(), i.Response, i.SectionChanged))
                .ToList();
        }
        int Count(Disposition? d) => counts.Where(c => c.Disposition == d).Sum(c => c.Count);
        return new EngagementEvidence
        {
            Consultations = consultations.Select(c =>
            {
                var a = Attendance.Read(c.Attendance);
                return new HeldConsultation(c.HeldOn, c.Method, c.Level, c.Place, c.Online, c.Languages, c.Organiser, a.Women, a.Men, a.NotSaid, a.Groups) { Ages = a.Ages };
            }).ToList(),
            Inputs = counts.Sum(c => c.Count),
            InputsWithoutResponse = Count(null),
            Accepted = Count(Disposition.Accepted),
            DesignChanged = Count(Disposition.DesignChanged),
            NotTaken = Count(Disposition.NotTaken),
            Assisted = counts.Where(c => c.Source == InputSource.Assisted).Sum(c => c.Count),
            FromPublicPage = published,
            Grievances = new GrievanceFigures
            {
                Received = statistics.Received,
                Acknowledged = statistics.Acknowledged,
                AcknowledgedInTime = statistics.AcknowledgedInTime,
                Resolved = statistics.Resolved,
                Open = statistics.Open,
                Escalated = statistics.Escalated,
                MedianDaysToResolution = statistics.MedianDaysToResolution,
            },
            PublicPage = page is null ? null : new PublicPageFacts(page.OpensOn, page.ClosesOn, published, page.TakesGrievances),
            Heard = heard,
        };
    }
}
