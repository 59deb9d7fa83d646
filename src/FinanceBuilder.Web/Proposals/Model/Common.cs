using System.Text.Json.Serialization;

namespace FinanceBuilder.Web.Proposals.Model;

/// An amount with its currency. Money is never a bare number and never free text.
public sealed record Money
{
    public required decimal Amount { get; init; }
    /// ISO 4217 code, e.g. USD, EUR, XOF.
    [CurrencyCode] public required string Currency { get; init; }
}

/// A count of people split by sex. Both parts may be unknown while drafting; Total holds
/// a published figure whose split is not known yet (the rules then ask for the split).
public sealed class PeopleCount
{
    public long? Female { get; set; }
    public long? Male { get; set; }
    public long? Total { get; set; }

    /// Female + male when either is given, else the total; null when nothing is known.
    public long? Known() => Female is null && Male is null ? Total : (Female ?? 0) + (Male ?? 0);
}

/// A calculator parameter with its provenance (gcf-reference §12.1): value, unit, source,
/// year and tier; a default that the user overrides needs a justification.
public sealed class Factor
{
    public required decimal Value { get; set; }
    [ShortText] public required string Unit { get; set; }
    [ShortText] public string? Source { get; set; }
    [Year] public int? Year { get; set; }
    public ParameterTier Tier { get; set; } = ParameterTier.Default;
    [LongText] public string? Justification { get; set; }
}

public enum ParameterTier { Measured, Modelled, Default }

/// Marks a one-line text field (names, titles, references): at most ShortText.MaxLength characters.
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShortTextAttribute : Attribute
{
    public const int MaxLength = 500;
}

/// Marks a paragraph field (descriptions, summaries): at most LongText.MaxLength characters.
[AttributeUsage(AttributeTargets.Property)]
public sealed class LongTextAttribute : Attribute
{
    public const int MaxLength = 4_000;
}

/// Marks a narrative section (D.1–D.6, B.1–B.6): at most Narrative.MaxLength characters
/// (reliability-tests §d: narrative ≤ 20,000 characters).
[AttributeUsage(AttributeTargets.Property)]
public sealed class NarrativeAttribute : Attribute
{
    public const int MaxLength = 20_000;
}

/// An ISO 4217 currency code.
[AttributeUsage(AttributeTargets.Property)]
public sealed class CurrencyCodeAttribute : Attribute;

/// An ISO 3166-1 alpha-2 country code.
[AttributeUsage(AttributeTargets.Property)]
public sealed class CountryCodeAttribute : Attribute;

/// A part of the proposal only the server writes (the facts of stored files): published as
/// readOnly in the schema; what a file says there is replaced by what the server knows.
[AttributeUsage(AttributeTargets.Property)]
public sealed class ServerManagedAttribute : Attribute;

/// Caps a list's length; every list in the model carries one (no unbounded input).
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}

/// A short identifier users give to components, outputs, measures ("C1", "1.2", "M-01").
[AttributeUsage(AttributeTargets.Property)]
public sealed class IdentifierAttribute : Attribute
{
    public const int MaxLength = 40;
}

/// Result areas of the GCF (gcf-reference §6.1), written as the tool codes M1…A4.
public enum ResultArea
{
    [JsonStringEnumMemberName("M1")] M1,
    [JsonStringEnumMemberName("M2")] M2,
    [JsonStringEnumMemberName("M3")] M3,
    [JsonStringEnumMemberName("M4")] M4,
    [JsonStringEnumMemberName("A1")] A1,
    [JsonStringEnumMemberName("A2")] A2,
    [JsonStringEnumMemberName("A3")] A3,
    [JsonStringEnumMemberName("A4")] A4,
}

public enum HazardType
{
    FloodRiverine, FloodPluvial, CoastalSurge, SeaLevelRise, Drought, Heatwave, Wildfire,
    Landslide, Storm, VectorBorneDisease, WaterScarcity, Erosion, Other,
}

public enum Rating { Low, Medium, High }

/// A percentage between 0 and 100.
[AttributeUsage(AttributeTargets.Property)]
public sealed class PercentAttribute : Attribute;

/// A calendar year between Year.Min and Year.Max.
[AttributeUsage(AttributeTargets.Property)]
public sealed class YearAttribute : Attribute
{
    public const int Min = 1900;
    public const int Max = 2200;
}

/// Numbers are non-negative unless the property says otherwise (coordinates, net flows).
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowNegativeAttribute(double minimum, double maximum) : Attribute
{
    public double Minimum { get; } = minimum;
    public double Maximum { get; } = maximum;
}
