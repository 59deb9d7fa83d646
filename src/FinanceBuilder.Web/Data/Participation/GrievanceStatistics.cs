namespace FinanceBuilder.Web.Data.Participation;

/// A register's figures, the only thing about grievances ever shown outside the register (the
/// annex, the monitoring report): counts by status and category, and time to resolution. They add
/// up by construction (AC-17): received = acknowledged + waiting for acknowledgement, and
/// received = resolved + open.
public sealed record GrievanceStatistics(int Received, int Acknowledged, int AcknowledgedInTime, int WaitingAcknowledgement,
    int Resolved, int Open, int Escalated, int Late, double? MedianDaysToResolution, IReadOnlyDictionary<GrievanceCategory, int> ByCategory)
{
    public static GrievanceStatistics Of(IReadOnlyCollection<GrievanceRecord> register, DateOnly today)
    {
        // Answered or closed counts as acknowledged: an answer acknowledges.
        bool Acknowledged(GrievanceRecord g) => g.AcknowledgedAt is not null || g.AnsweredAt is not null || g.ClosedAt is not null;
        DateTime? AcknowledgedOn(GrievanceRecord g) => new[] { g.AcknowledgedAt, g.AnsweredAt, g.ClosedAt }.Where(d => d is not null).Min();
        var resolved = register.Where(g => !g.IsOpen).ToList();
        var days = resolved.Select(g => ((g.ClosedAt ?? g.AnsweredAt ?? g.ReceivedAt) - g.ReceivedAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        return new(
            register.Count,
            register.Count(Acknowledged),
            register.Count(g => Acknowledged(g) && DateOnly.FromDateTime(AcknowledgedOn(g)!.Value) <= g.AcknowledgeBy),
            register.Count(g => !Acknowledged(g)),
            resolved.Count,
            register.Count(g => g.IsOpen),
            register.Count(g => g.EscalatedTo is not null),
            register.Count(g => g.AcknowledgementLate(today) || g.AnswerLate(today)),
            median is { } m ? Math.Round(m, 1) : null,
            register.GroupBy(g => g.Category).ToDictionary(g => g.Key, g => g.Count()));
    }
}
