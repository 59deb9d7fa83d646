using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Data.Submissions;

/// The scoring sheet's rows, as stored in ReviewRecord.Scores: one per investment criterion, a
/// score from 1 (low) to 5 (high) or none yet, and the reviewer's comment.
public sealed record CriterionScore(InvestmentCriterion Criterion, int? Score, string? Comment);

public static class ReviewScores
{
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxCommentLength = 4000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyList<CriterionScore> Read(string json)
    {
        var stored = JsonSerializer.Deserialize<List<CriterionScore>>(json, Options) ?? [];
        // Always the six criteria, in the funder's order, whatever was stored.
        return Enum.GetValues<InvestmentCriterion>()
            .Select(c => stored.FirstOrDefault(s => s.Criterion == c) ?? new CriterionScore(c, null, null))
            .ToList();
    }

    public static string Write(IEnumerable<CriterionScore> scores) => JsonSerializer.Serialize(scores.ToList(), Options);
}
