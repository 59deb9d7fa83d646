using System.Globalization;
using System.Text;
using System.Text.Json;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Tests.Infrastructure;
using Json.Schema;

namespace FinanceBuilder.Web.Tests.Proposals;

/// Random damage to real files (reliability-tests T17, seeded so a failure reproduces): the
/// reader never throws, every refusal names a JSON path, everything it accepts can be written
/// back and read again, and everything it accepts is also valid under the published schema.
[Trait("Database", "None")]
public sealed class ReaderFuzzTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "proposal.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly string[] Replacements =
    [
        "null", "\"\"", "\"x\"", "0", "-1", "1e400", "true", "[]", "{}", "[null]", "\"Fr\"", "\"M9\"", "\"9999-99-99\"",
        "\"\\u0000\"", "\"\\uD800\"", "12345678901234567890", "\"mitigation, adaptation\"", "{\"amount\":1}",
    ];

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public void DamagedFiles_AreRefusedWithAPath_OrReadConsistently(string sample)
    {
        var original = Samples.ReadText(sample);
        var reader = new ProposalReader();
        var random = new Random(20261128 ^ sample.Length);
        var accepted = 0;

        for (var i = 0; i < 400; i++)
        {
            var damaged = Damage(original, random);
            ProposalReadResult result;
            try
            {
                result = reader.Read(Encoding.UTF8.GetBytes(damaged), CultureInfo.InvariantCulture);
            }
            catch (Exception ex)
            {
                Assert.Fail($"Case {i}: the reader threw {ex.GetType().Name}: {ex.Message}\n{Excerpt(damaged, original)}");
                return;
            }

            if (!result.Succeeded)
            {
                Assert.All(result.Errors, e => Assert.StartsWith("$", e.Path, StringComparison.Ordinal));
                continue;
            }
            accepted++;
            var written = ProposalJson.Serialize(result.Proposal!);
            Assert.True(reader.Read(Encoding.UTF8.GetBytes(written), CultureInfo.InvariantCulture).Succeeded, $"Case {i}: accepted but its export is refused");
            using var document = JsonDocument.Parse(written);
            Assert.True(Schema.Value.Evaluate(document.RootElement).IsValid, $"Case {i}: accepted but invalid under the schema\n{Excerpt(damaged, original)}");
        }

        Assert.InRange(accepted, 1, 399); // the damage must sometimes be harmless and sometimes not
    }

    /// Replaces one JSON value (after a random ':' or '[' or ','), deletes a span, or truncates.
    private static string Damage(string json, Random random)
    {
        var at = random.Next(json.Length);
        switch (random.Next(4))
        {
            case 0:
            case 1:
                var colon = json.IndexOfAny([':', '[', ','], at);
                if (colon < 0)
                    return json[..at];
                var start = colon + 1;
                var end = start;
                while (end < json.Length && json[end] is not (',' or '}' or ']' or '\n'))
                    end++;
                return json[..start] + " " + Replacements[random.Next(Replacements.Length)] + json[end..];
            case 2:
                return json.Remove(at, Math.Min(random.Next(1, 40), json.Length - at));
            default:
                return json[..at];
        }
    }

    private static string Excerpt(string damaged, string original)
    {
        var i = 0;
        while (i < damaged.Length && i < original.Length && damaged[i] == original[i])
            i++;
        return damaged.Substring(Math.Max(0, i - 80), Math.Min(200, damaged.Length - Math.Max(0, i - 80)));
    }
}
