namespace FinanceBuilder.Web.Data.Monitoring;

/// A value of one indicator for one year, only ever added (ADR 0021): a correction is a new row
/// that names the row it corrects and says why, and the database lets each row be corrected
/// once, so two people correcting at the same moment cannot both win. The current value is the
/// one no other row corrects.
public sealed class IndicatorValue
{
    public long Id { get; set; }
    public Guid IndicatorId { get; set; }
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Year { get; set; }
    public ValueKind Kind { get; set; }
    /// Null when no value could be measured; MissingReason then says why.
    public decimal? Value { get; set; }
    public decimal? Women { get; set; }
    public decimal? Men { get; set; }
    public string? MissingReason { get; set; }
    /// Where the figure comes from ("Municipal household survey 2027").
    public string? Source { get; set; }
    public DateOnly? MeasuredOn { get; set; }
    /// Evidence: one of the proposal's annex files, or a reference (a URL, a file number).
    public Guid? EvidenceFileId { get; set; }
    public string? EvidenceReference { get; set; }
    public string? Note { get; set; }
    public long? CorrectsId { get; set; }
    public string? CorrectionReason { get; set; }
    public DateTime EnteredAt { get; set; }
    public Guid? EnteredByUserId { get; set; }
    public string EnteredByName { get; set; } = "";
}

public enum ValueKind { Actual, Target, Estimate }
