namespace FinanceBuilder.OpenLoad;

/// One person editing one proposal: their autosaves go one after another, each with the version
/// the previous reply gave (as wizard.js does), so they never conflict with themselves.
internal sealed class SimulatedUser(Guid id, IReadOnlyList<StepForm> forms, int version)
{
    public Guid Id { get; } = id;
    public IReadOnlyList<StepForm> Forms { get; } = forms;
    public SemaphoreSlim Turn { get; } = new(1, 1);
    public int Version { get; set; } = version;
    public int Revision { get; set; }
}
