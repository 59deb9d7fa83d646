using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Participation.Public;

namespace FinanceBuilder.Web.Features.Participation.Grievances;

/// A grievance as it enters the register, from the public form or from staff: its reference, and
/// the dates it must be acknowledged by (working days, Participation:AcknowledgeWorkingDays) and
/// answered by (Participation:AnswerDays).
public static class GrievanceIntake
{
    public static GrievanceRecord New(Guid proposalId, Guid organisationId, GrievanceForm form, GrievanceChannel channel, DateTime now,
        FinanceBuilderOptions.ParticipationSettings settings, string? enteredBy)
    {
        var received = DateOnly.FromDateTime(now);
        return new GrievanceRecord
        {
            Id = Guid.NewGuid(),
            ProposalId = proposalId,
            OrganisationId = organisationId,
            Reference = GrievanceRecord.NewReference(),
            ReceivedAt = now,
            Channel = channel,
            Category = form.Category ?? GrievanceCategory.Other,
            Text = PlainText.Clean(form.Text),
            ComplainantName = string.IsNullOrWhiteSpace(form.AuthorName) ? null : PlainText.Clean(form.AuthorName),
            Contact = string.IsNullOrWhiteSpace(form.Contact) ? null : PlainText.Clean(form.Contact),
            Status = GrievanceStatus.Received,
            AcknowledgeBy = AddWorkingDays(received, settings.AcknowledgeWorkingDays),
            AnswerBy = received.AddDays(settings.AnswerDays),
            EnteredByName = enteredBy,
        };
    }

    /// Saturdays and Sundays do not count; public holidays, which differ by country, are not known.
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days--;
        }
        return date;
    }
}
