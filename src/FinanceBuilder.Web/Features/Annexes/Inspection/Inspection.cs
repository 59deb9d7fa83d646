using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// What looking inside an uploaded file found: a kind we accept, with what the documents and a
/// reviewer need to know of it, or why it is refused (a key of AnnexText and its arguments).
public abstract record Inspection
{
    /// <param name="Places">A map file's places, one per feature (GeoFileReader.Places).</param>
    public sealed record Accepted(FileKind Kind, FileCautions Cautions = FileCautions.None, int? Pages = null, int? Width = null, int? Height = null,
        IReadOnlyList<Geography.LonLat>? Places = null) : Inspection;

    public sealed record Refused(string Reason, params object[] Arguments) : Inspection;
}

/// Thrown inside an inspection to refuse the file with a reason (caught by FileInspector only).
internal sealed class RefusedFile(string reason, params object[] arguments) : Exception(reason)
{
    public Inspection.Refused Refusal { get; } = new(reason, arguments);
}
