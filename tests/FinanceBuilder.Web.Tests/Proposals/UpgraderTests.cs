using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Json;

namespace FinanceBuilder.Web.Tests.Proposals;

/// The upgrade path for older files. Version 1 is the only published shape so far, so these
/// tests drive the mechanism with a made-up "version 2" in which a field was renamed.
public sealed class UpgraderTests
{
    private static readonly Dictionary<int, Action<JsonObject>> RenameTitleInV2 = new()
    {
        [1] = doc =>
        {
            if (doc["basics"] is JsonObject basics && basics.Remove("title", out var title))
                basics["name"] = title;
        },
    };

    [Fact]
    public void Upgrade_RunsEachStepInOrder_AndStampsTheNewVersion()
    {
        var upgrader = new ProposalUpgrader(RenameTitleInV2, currentVersion: 2);
        var doc = JsonNode.Parse("""{"schemaVersion":1,"basics":{"title":"Old file"}}""")!.AsObject();

        upgrader.Upgrade(doc, 1);

        Assert.Equal(2, doc["schemaVersion"]!.GetValue<int>());
        Assert.Equal("Old file", doc["basics"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Upgrade_WithAMissingStep_FailsLoudly()
    {
        var upgrader = new ProposalUpgrader(new Dictionary<int, Action<JsonObject>>(), currentVersion: 3);

        Assert.Throws<InvalidOperationException>(() => upgrader.Upgrade(new JsonObject { ["schemaVersion"] = 1 }, 1));
    }

    [Fact]
    public void Reader_ReadsCurrentFiles_AndRefusesNewerOnes()
    {
        var reader = new ProposalReader();

        Assert.True(reader.Read("""{"schemaVersion":1}"""u8, CultureInfo.InvariantCulture).Succeeded);
        var newer = reader.Read(Encoding.UTF8.GetBytes("""{"schemaVersion":2}"""), CultureInfo.InvariantCulture);
        Assert.Equal("$.schemaVersion", Assert.Single(newer.Errors).Path);
    }
}
