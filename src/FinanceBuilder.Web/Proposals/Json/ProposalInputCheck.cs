using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FinanceBuilder.Templates.Text;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;

namespace FinanceBuilder.Web.Proposals.Json;

/// Field-level limits of the proposal model, read from the attributes on the model itself
/// (ShortText, Narrative, MaxItems, Percent, Year, CurrencyCode, CountryCode…). The same
/// attributes feed the published JSON Schema, so the file format and the server agree by
/// construction, and a field added to the model cannot escape the limits.
/// These are checks of *form* (is this a usable value?); whether the proposal is consistent
/// and complete is the rule catalogue's business.
public static class ProposalInputCheck
{
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;
    public const int MaxErrors = 100;

    private static readonly DateOnly MinDate = new(YearAttribute.Min, 1, 1);
    private static readonly DateOnly MaxDate = new(YearAttribute.Max, 12, 31);
    private static readonly ConcurrentDictionary<Type, FieldInfo[]> Fields = new();

    /// <param name="parts">Only these top-level parts of the proposal ("narratives",
    /// "components"): a wizard page checks its own answers, not the whole model.</param>
    public static IReadOnlyList<ProposalInputError> Check(Proposal proposal, CultureInfo culture, IReadOnlySet<string>? parts = null)
    {
        var errors = new List<ProposalInputError>();
        var path = new JsonPath();
        if (parts is null)
        {
            Visit(proposal, path, errors, culture);
            return errors;
        }
        foreach (var field in Fields.GetOrAdd(typeof(Proposal), Describe))
        {
            if (!parts.Contains(field.JsonName) || field.Property.GetValue(proposal) is not { } value)
                continue;
            path.Push(field.JsonName);
            CheckValue(field, value, path, errors, culture);
            path.Pop();
        }
        return errors;
    }

    /// The same limits on another record built from the model's attributes (a catalogue action):
    /// one declaration of each limit, one check.
    public static IReadOnlyList<ProposalInputError> CheckNode(object node, CultureInfo culture)
    {
        var errors = new List<ProposalInputError>();
        Visit(node, new JsonPath(), errors, culture);
        return errors;
    }

    private static void Visit(object node, JsonPath path, List<ProposalInputError> errors, CultureInfo culture)
    {
        foreach (var field in Fields.GetOrAdd(node.GetType(), Describe))
        {
            if (errors.Count >= MaxErrors)
                return;
            var value = field.Property.GetValue(node);
            if (value is null)
                continue;
            path.Push(field.JsonName);
            CheckValue(field, value, path, errors, culture);
            path.Pop();
        }
    }

    private static void CheckValue(FieldInfo field, object value, JsonPath at, List<ProposalInputError> errors, CultureInfo culture)
    {
        switch (value)
        {
            case string text:
                CheckText(field, text, at, errors, culture);
                break;
            case decimal number:
                CheckNumber(field, number, at, errors, culture);
                break;
            case int or long:
                CheckNumber(field, Convert.ToDecimal(value, CultureInfo.InvariantCulture), at, errors, culture);
                break;
            case DateOnly date when date < MinDate || date > MaxDate:
                var path = at.ToString();
                errors.Add(ProposalInputError.Of(culture, path, "DateOutOfRange", path, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), YearAttribute.Min, YearAttribute.Max));
                break;
            case IList list:
                if (list.Count > field.MaxItems)
                {
                    errors.Add(ProposalInputError.Of(culture, at.ToString(), "TooManyItems", at.ToString(), list.Count, field.MaxItems));
                    return;
                }
                var itemField = field with { MaxItems = int.MaxValue };
                for (var i = 0; i < list.Count; i++)
                {
                    at.Push(i);
                    if (list[i] is { } item)
                        CheckValue(itemField, item, at, errors, culture);
                    else
                        errors.Add(ProposalInputError.Of(culture, at.ToString(), "NullNotAllowed", at.ToString()));
                    at.Pop();
                }
                break;
            case Enum or bool or DateOnly:
                break;
            default:
                Visit(value, at, errors, culture);
                break;
        }
    }

    private static void CheckText(FieldInfo field, string text, JsonPath at, List<ProposalInputError> errors, CultureInfo culture)
    {
        if (text.Length <= field.MaxLength && field.Kind == TextKind.Plain && DocumentText.IndexOfInvalidCharacter(text) < 0)
            return;
        var path = at.ToString();
        if (text.Length > field.MaxLength)
        {
            errors.Add(ProposalInputError.Of(culture, path, "TextTooLong", path, text.Length, field.MaxLength));
            return;
        }
        if (DocumentText.IndexOfInvalidCharacter(text) is var bad and >= 0)
        {
            errors.Add(ProposalInputError.Of(culture, path, "ControlCharacter", path, ((int)text[bad]).ToString("X4", CultureInfo.InvariantCulture)));
            return;
        }
        if (field.Kind == TextKind.Currency && !IsoCodes.Currencies.Contains(text))
            errors.Add(ProposalInputError.Of(culture, path, "InvalidCurrency", path, text));
        else if (field.Kind == TextKind.Country && !IsoCodes.Countries.Contains(text))
            errors.Add(ProposalInputError.Of(culture, path, "InvalidCountry", path, text));
    }

    private static void CheckNumber(FieldInfo field, decimal number, JsonPath at, List<ProposalInputError> errors, CultureInfo culture)
    {
        var (min, max) = field.Range;
        if (number < min || number > max)
        {
            var path = at.ToString();
            errors.Add(min == 0 && number < 0
                ? ProposalInputError.Of(culture, path, "Negative", path)
                : ProposalInputError.Of(culture, path, "OutOfRange", path, number, min, max));
        }
    }

    private static FieldInfo[] Describe(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new FieldInfo(
                p,
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                MaxLengthOf(p),
                KindOf(p),
                p.GetCustomAttribute<MaxItemsAttribute>()?.Max ?? int.MaxValue,
                RangeOf(p)))
            .ToArray();

    public static int MaxLengthOf(PropertyInfo p) =>
        p.IsDefined(typeof(NarrativeAttribute)) ? NarrativeAttribute.MaxLength
        : p.IsDefined(typeof(LongTextAttribute)) ? LongTextAttribute.MaxLength
        : p.IsDefined(typeof(CurrencyCodeAttribute)) ? 3
        : p.IsDefined(typeof(CountryCodeAttribute)) ? 2
        : p.IsDefined(typeof(IdentifierAttribute)) || IsIdentifierList(p) ? IdentifierAttribute.MaxLength
        : p.IsDefined(typeof(DirectoryEntryIdAttribute)) ? DirectoryEntryIdAttribute.MaxLength
        : ShortTextAttribute.MaxLength;

    private static bool IsIdentifierList(PropertyInfo p) => p.PropertyType == typeof(List<string>);

    private static TextKind KindOf(PropertyInfo p) =>
        p.IsDefined(typeof(CurrencyCodeAttribute)) ? TextKind.Currency
        : p.IsDefined(typeof(CountryCodeAttribute)) ? TextKind.Country
        : TextKind.Plain;

    public static (decimal Min, decimal Max) RangeOf(PropertyInfo p)
    {
        if (p.IsDefined(typeof(PercentAttribute)))
            return (0, 100);
        if (p.IsDefined(typeof(YearAttribute)))
            return (YearAttribute.Min, YearAttribute.Max);
        if (p.GetCustomAttribute<AllowNegativeAttribute>() is { } signed)
            return ((decimal)signed.Minimum, (decimal)signed.Maximum);
        return (0, MaxMagnitude);
    }

    private enum TextKind { Plain, Currency, Country }

    /// Where the walk is, as segments; written out as "$.a.b[2]" only when an error needs it.
    private sealed class JsonPath
    {
        private readonly List<(string? Name, int Index)> segments = [];

        public void Push(string name) => segments.Add((name, -1));

        public void Push(int index) => segments.Add((null, index));

        public void Pop() => segments.RemoveAt(segments.Count - 1);

        public override string ToString()
        {
            var text = new System.Text.StringBuilder("$");
            foreach (var (name, index) in segments)
            {
                if (name is not null)
                    text.Append('.').Append(name);
                else
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            return text.ToString();
        }
    }

    private sealed record FieldInfo(PropertyInfo Property, string JsonName, int MaxLength, TextKind Kind, int MaxItems, (decimal Min, decimal Max) Range);
}
