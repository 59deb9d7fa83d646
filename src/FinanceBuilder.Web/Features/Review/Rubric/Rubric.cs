using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Review.Rubric;

/// What a reviewer reads beside each score: per investment criterion what the GCF assesses (its
/// sub-criteria and indicative factors) and what separates a 1 from a 5. Data, not code: the
/// default (default-rubric.json, from the GCF's criteria as docs/review-rubric.md summarises
/// them) and each donor call's adapted copy are the same JSON, in English and French.
public sealed record Rubric(IReadOnlyList<RubricCriterion> Criteria)
{
    public const int MaxTextLength = 1000;
    public const int MaxFactors = 10;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static Rubric Default { get; } = LoadDefault();

    public RubricCriterion For(InvestmentCriterion criterion) =>
        Criteria.FirstOrDefault(c => c.Criterion == criterion) ?? Default.Criteria.First(c => c.Criterion == criterion);

    /// A call's stored rubric, or the default when it has none or it cannot be read (a row
    /// written by an older version): a reviewer always has guidance.
    public static Rubric Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return Default;
        try
        {
            return Complete(JsonSerializer.Deserialize<Rubric>(json, Options));
        }
        catch (JsonException)
        {
            return Default;
        }
    }

    public string Write() => JsonSerializer.Serialize(this, Options);

    /// Always the six criteria in the funder's order, each with five levels.
    private static Rubric Complete(Rubric? stored) =>
        new(Enum.GetValues<InvestmentCriterion>().Select(c =>
        {
            var fallback = Default.Criteria.FirstOrDefault(d => d.Criterion == c);
            var found = stored?.Criteria?.FirstOrDefault(s => s.Criterion == c);
            if (found is null || found.Levels is not { Count: 5 })
                return fallback!;
            return found with { Factors = found.Factors ?? [] };
        }).ToList());

    private static Rubric LoadDefault()
    {
        using var stream = typeof(Rubric).Assembly.GetManifestResourceStream("FinanceBuilder.Web.default-rubric.json")
            ?? throw new InvalidOperationException("default-rubric.json is not embedded");
        var rubric = JsonSerializer.Deserialize<Rubric>(stream, Options)!;
        if (rubric.Criteria.Count != Enum.GetValues<InvestmentCriterion>().Length || rubric.Criteria.Any(c => c.Levels.Count != 5))
            throw new InvalidOperationException("default-rubric.json must hold the six criteria with five levels each");
        return rubric;
    }
}

/// One criterion: what it covers, the factors assessed, and the five levels (index 0 = score 1).
public sealed record RubricCriterion(InvestmentCriterion Criterion, LocalText Guidance, IReadOnlyList<LocalText> Factors, IReadOnlyList<LocalText> Levels);

/// A text in the languages the product speaks; a missing French text reads the English one.
public sealed record LocalText(string En, string? Fr)
{
    public string In(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "fr" && !string.IsNullOrWhiteSpace(Fr) ? Fr : En;
}
