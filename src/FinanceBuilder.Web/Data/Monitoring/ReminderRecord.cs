namespace FinanceBuilder.Web.Data.Monitoring;

/// A reminder sent for a reporting round: the round and how many days from its due date it was
/// for (−60, −30, −7, 0, then 7, 14, … while late). The pair is the key, so each reminder is sent
/// once, even by several nodes at the same moment: the one whose row is stored sends it.
public sealed class ReminderRecord
{
    public Guid RoundId { get; set; }
    public int DaysFromDue { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateTime SentAt { get; set; }
    public int Recipients { get; set; }
}
