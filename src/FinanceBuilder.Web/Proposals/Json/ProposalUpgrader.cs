using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Proposals.Json;

/// Brings a proposal file of an older schema version up to the current one before it is read,
/// one step at a time (1→2, 2→3, …), so a file written by any earlier FinanceBuilder still loads.
/// Each step is a pure function on the JSON tree that ends by setting schemaVersion to its target.
public sealed class ProposalUpgrader
{
    /// Steps keyed by the version they upgrade *from*. Version 1 is the first published shape,
    /// so there is no step yet; the first incompatible model change adds one here.
    private readonly IReadOnlyDictionary<int, Action<JsonObject>> steps;

    public ProposalUpgrader() : this(new Dictionary<int, Action<JsonObject>>())
    {
    }

    public ProposalUpgrader(IReadOnlyDictionary<int, Action<JsonObject>> steps, int currentVersion = ProposalSchemaVersion.Current)
    {
        this.steps = steps;
        CurrentVersion = currentVersion;
    }

    public int CurrentVersion { get; }

    public bool CanRead(int version) => version >= 1 && version <= CurrentVersion;

    public void Upgrade(JsonObject document, int fromVersion)
    {
        for (var version = fromVersion; version < CurrentVersion; version++)
        {
            if (!steps.TryGetValue(version, out var step))
                throw new InvalidOperationException($"No upgrade step from schema version {version}.");
            step(document);
            document["schemaVersion"] = version + 1;
        }
    }
}
