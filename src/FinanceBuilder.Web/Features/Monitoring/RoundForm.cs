namespace FinanceBuilder.Web.Features.Monitoring;

/// A reporting round's screen as it posts: one row per indicator due, every field as typed text,
/// so that a refused row comes back exactly as the person wrote it.
public sealed class RoundForm
{
    public List<Row> Rows { get; set; } = [];

    public sealed class Row
    {
        public Guid Indicator { get; set; }
        /// The current value the person saw (its id), or none: if another has been saved since,
        /// this row is not saved and the page shows the newer one.
        public long? BasedOn { get; set; }
        public string? Value { get; set; }
        public string? Women { get; set; }
        public string? Men { get; set; }
        public string? Source { get; set; }
        public string? MeasuredOn { get; set; }
        public Guid? Evidence { get; set; }
        public string? EvidenceReference { get; set; }
        public string? Note { get; set; }
        public string? MissingReason { get; set; }
        public string? CorrectionReason { get; set; }

        public bool IsBlank =>
            string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Women) && string.IsNullOrWhiteSpace(Men)
            && string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(MeasuredOn) && Evidence is null
            && string.IsNullOrWhiteSpace(EvidenceReference) && string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(MissingReason);
    }
}
