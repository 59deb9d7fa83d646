using System.Collections;
using System.Globalization;
using System.Reflection;
using FinanceBuilder.Templates.Text;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using Microsoft.AspNetCore.Http;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Reads a posted step back into the proposal. Only the questions the step shows are read (a
/// posted key the step does not know is ignored), each within the limits the model declares;
/// a value that cannot be read leaves the stored answer as it was and becomes an error message
/// in the reader's language, while the page shows again exactly what was typed.
public sealed class FormBinder
{
    private readonly IFormCollection form;
    private readonly CultureInfo culture;
    private readonly Proposal proposal;
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);
    private readonly OptionCache options;

    private readonly bool createsNew;

    private FormBinder(IFormCollection form, CultureInfo culture, Proposal proposal, bool createsNew)
    {
        this.form = form;
        this.culture = culture;
        this.proposal = proposal;
        this.createsNew = createsNew;
        options = new OptionCache(proposal);
    }

    /// The hidden field that says a conditional block was on the page when it was posted.
    public static string WhenMarker(string prefix, int index) =>
        "when:" + prefix + ":" + index.ToString(CultureInfo.InvariantCulture);

    /// Applies the posted answers to the proposal; returns the errors by field path.
    /// <param name="createsNew">False for autosave: a name typed beside a list of choices
    /// (a new outcome) may be half written, so only a save the person asked for creates it.</param>
    public static Dictionary<string, string> Bind(Step step, Proposal proposal, IFormCollection form, CultureInfo culture, bool createsNew = true)
    {
        var binder = new FormBinder(form, culture, proposal, createsNew);
        binder.Blocks(step.Blocks, proposal, "");
        return binder.errors;
    }

    private void Blocks(IReadOnlyList<Block> blocks, object scope, string prefix)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    Field(FieldSite.At(field, scope, prefix));
                    break;
                case GroupBlock group:
                    Blocks(group.Blocks, scope, prefix);
                    break;
                case WhenBlock conditional:
                    // Read what was on the page, even if this same post changed the condition.
                    if (form.ContainsKey(markers.Next(prefix)))
                        Blocks(conditional.Blocks, scope, prefix);
                    break;
                case ListBlock list:
                    List(list, scope, prefix);
                    break;
            }
        }
    }

    private readonly WhenMarkers markers = new();

    private void List(ListBlock list, object scope, string prefix)
    {
        var path = ModelPath.Combine(prefix, list.Path);
        if (ListEditors.For(list) is { } editor)
        {
            editor.Bind(list, scope, path, form, culture, errors);
            return;
        }
        if (!int.TryParse(form[path + ".count"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return;
        _ = int.TryParse(form[path + ".from"], NumberStyles.None, CultureInfo.InvariantCulture, out var from);
        var max = MaxItems(scope.GetType(), list.Path);
        from = list.PageSize is null ? 0 : Math.Min(from, max);
        // A page shows at most one page of items: a post cannot pad the list beyond that.
        count = Math.Min(Math.Min(count, max - from), list.PageSize ?? max);
        var items = EnsureList(scope, list.Path);
        if (list.PageSize is null)
        {
            while (items.Count > count)
                items.RemoveAt(items.Count - 1);
        }
        while (items.Count < from + count)
            items.Add(list.NewItem(scope, items));
        for (var i = from; i < from + count; i++)
            Blocks(list.Item, items[i]!, ModelPath.Item(path, i));
    }

    public static int MaxItems(Type scopeType, string relativePath) =>
        ModelPath.PropertyAt(scopeType, relativePath).GetCustomAttribute<MaxItemsAttribute>()?.Max
        ?? throw new InvalidOperationException($"{scopeType.Name}.{relativePath} has no [MaxItems] limit.");

    public static IList EnsureList(object scope, string relativePath)
    {
        if (ModelPath.Get(scope, relativePath) is IList existing)
            return existing;
        var property = ModelPath.PropertyAt(scope.GetType(), relativePath);
        ModelPath.Set(scope, relativePath, Activator.CreateInstance(property.PropertyType));
        return (IList)ModelPath.Get(scope, relativePath)!;
    }

    // ---- one question ------------------------------------------------------------------------

    private void Field(FieldSite site)
    {
        var path = site.Path;
        var shape = site.Shape;
        switch (shape.Kind)
        {
            case FieldKind.Check:
                Set(site, form[path].ToString() == "true");
                return;
            case FieldKind.Choices:
                var chosen = new List<object>();
                foreach (var text in form[path].Distinct())
                {
                    if (ParseEnum(site, text) is { } value)
                        chosen.Add(value);
                    else
                        Error(path, "Check.Choice");
                }
                var enums = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(shape.EnumType!))!;
                foreach (var value in KeepOrder(((IEnumerable?)site.Value)?.Cast<object>(), chosen))
                    enums.Add(value);
                Set(site, enums);
                return;
            case FieldKind.References:
                var allowed = options.For(site.Block).Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
                var kept = ((IEnumerable<string>?)site.Value ?? []).ToHashSet(StringComparer.Ordinal);
                var picked = form[path].Where(v => v is not null && (allowed.Contains(v) || kept.Contains(v))).Distinct().Cast<object>().ToList();
                if (createsNew && site.Block.New is { } create && NewItem(path, create) is { } created && !picked.Contains(created))
                    picked.Add(created);
                Set(site, KeepOrder((IEnumerable<string>?)site.Value, picked).Cast<string>().ToList());
                return;
            case FieldKind.Countries:
                var codes = new List<CountryRef>();
                foreach (var code in form[path].Where(c => !string.IsNullOrEmpty(c)).Distinct())
                {
                    if (IsoCodes.Countries.Contains(code!))
                        codes.Add(new CountryRef { Code = code! });
                    else
                        Error(path, "Check.Country");
                }
                Set(site, codes);
                return;
            case FieldKind.YesNo:
                var yesNo = form[path].ToString();
                Set(site, yesNo == "true" ? true : yesNo == "false" ? false : null);
                return;
            case FieldKind.Directory: if (DirectoryPicker.Bind(site, form[path]) is { } problem) Error(path, problem); return;
            case FieldKind.Money:
                Money(site);
                return;
            case FieldKind.People:
                People(site);
                return;
            case FieldKind.Factor:
                Factor(site);
                return;
        }

        if (!form.TryGetValue(path, out var posted))
            return;
        var raw = Clean(posted.ToString());
        if (raw.Length == 0)
        {
            if (shape.Required)
                Error(path, "Check.Required");
            else
                Set(site, null);
            return;
        }
        switch (shape.Kind)
        {
            case FieldKind.WholeNumber or FieldKind.Number or FieldKind.Year:
                if (Number(path, raw, shape) is { } number)
                    Set(site, Convert.ChangeType(number, shape.ValueType, CultureInfo.InvariantCulture));
                break;
            case FieldKind.Date:
                if (!FormValues.TryParseDate(raw, culture, out var date))
                    Error(path, "Check.Date", DateText.FieldExample(culture));
                else if (date.Year < YearAttribute.Min || date.Year > YearAttribute.Max)
                    Error(path, "Check.DateRange", YearAttribute.Min, YearAttribute.Max);
                else
                    Set(site, date);
                break;
            case FieldKind.Choice:
                if (ParseEnum(site, raw) is { } choice)
                    Set(site, choice);
                else
                    Error(path, "Check.Choice");
                break;
            case FieldKind.Country:
                if (IsoCodes.Countries.Contains(raw))
                    Set(site, raw);
                else
                    Error(path, "Check.Country");
                break;
            case FieldKind.Reference:
                if (options.For(site.Block).Any(o => o.Value == raw) || Equals(site.Value, raw))
                    Set(site, raw);
                else
                    Error(path, "Check.Choice");
                break;
            default:
                if (Text(path, raw, shape) is { } text)
                    Set(site, text);
                break;
        }
    }

    /// The item named in the box beside the choices ("….new"), created (or found) and chosen.
    private string? NewItem(string path, NewOption create)
    {
        var name = form[path + ".new"].ToString().Trim();
        if (name.Length == 0)
            return null;
        if (name.Length > LongTextAttribute.MaxLength)
            return Error(path, "Check.TooLong", LongTextAttribute.MaxLength.ToString("N0", culture), name.Length.ToString("N0", culture));
        if (DocumentText.IndexOfInvalidCharacter(name) >= 0)
            return Error(path, "Check.BadCharacter");
        return create.Create(proposal, name) ?? Error(path, create.Key + ".Full");
    }

    private string? Text(string path, string raw, FieldShape shape)
    {
        if (raw.Length > shape.MaxLength)
            return Error(path, "Check.TooLong", shape.MaxLength.ToString("N0", culture), raw.Length.ToString("N0", culture));
        if (DocumentText.IndexOfInvalidCharacter(raw) >= 0)
            return Error(path, "Check.BadCharacter");
        if (shape.Kind == FieldKind.Currency)
        {
            raw = raw.ToUpperInvariant();
            if (!IsoCodes.Currencies.Contains(raw))
                return Error(path, "Check.Currency", raw.Length > 10 ? raw[..10] + "…" : raw);
        }
        return raw;
    }

    private decimal? Number(string path, string raw, FieldShape shape)
    {
        var whole = shape.ValueType == typeof(int) || shape.ValueType == typeof(long);
        var example = NumberText.Format(shape.Kind == FieldKind.Year ? 2030 : whole ? 1250 : 1250000.5m, culture, shape.Kind != FieldKind.Year);
        if (!NumberText.TryParse(raw, culture, out var number) || (whole && number != decimal.Truncate(number)))
            return NumberText.Problem(raw, culture, whole) is { } problem
                ? Error<decimal?>(path, problem.Key, example, problem.Detail)
                : Error<decimal?>(path, whole ? "Check.WholeNumber" : "Check.Number", example);
        if (number < shape.Min || number > shape.Max)
            return shape.Min == 0 && number < 0
                ? Error<decimal?>(path, "Check.NotNegative")
                : Error<decimal?>(path, "Check.Range", NumberText.Format(shape.Min, culture, shape.Kind != FieldKind.Year), NumberText.Format(shape.Max, culture, shape.Kind != FieldKind.Year));
        if (shape.ValueType == typeof(int) && number > int.MaxValue)
            return Error<decimal?>(path, "Check.Range", "0", NumberText.Format(int.MaxValue, culture));
        return number;
    }

    private void Money(FieldSite site)
    {
        var amountKey = site.Path + ".amount";
        if (!form.TryGetValue(amountKey, out var amountText))
            return;
        var amountRaw = Clean(amountText.ToString());
        var currencyRaw = Clean(form[site.Path + ".currency"].ToString()).ToUpperInvariant();
        if (amountRaw.Length == 0)
        {
            if (site.Shape.Required)
                Error(amountKey, "Check.Required");
            else
                Set(site, null);
            return;
        }
        var amount = Number(amountKey, amountRaw, site.Shape with { Min = 0, Max = FinanceBuilder.Web.Proposals.Json.ProposalInputCheck.MaxMagnitude, ValueType = typeof(decimal) });
        if (currencyRaw.Length == 0)
            currencyRaw = proposal.Budget.ReportingCurrency;
        if (!IsoCodes.Currencies.Contains(currencyRaw))
        {
            Error(site.Path + ".currency", "Check.Currency", currencyRaw.Length > 10 ? currencyRaw[..10] + "…" : currencyRaw);
            return;
        }
        if (amount is { } value)
            Set(site, new Money { Amount = value, Currency = currencyRaw });
    }

    private void People(FieldSite site)
    {
        if (!form.ContainsKey(site.Path + ".female"))
            return;
        var shape = site.Shape with { Min = 0, Max = 100_000_000_000, ValueType = typeof(long) };
        var before = errors.Count;
        long? Part(string part)
        {
            var raw = Clean(form[site.Path + "." + part].ToString());
            return raw.Length == 0 ? null : (long?)Number(site.Path + "." + part, raw, shape);
        }
        var (female, male) = (Part("female"), Part("male"));
        // With women or men given, the total is theirs (computed, never typed twice).
        var total = female is null && male is null ? Part("total") : null;
        if (errors.Count > before)
            return;
        var empty = female is null && male is null && total is null;
        Set(site, empty && IsNullableProperty(site) ? null : new PeopleCount { Female = female, Male = male, Total = total });
    }

    private static bool IsNullableProperty(FieldSite site) =>
        new NullabilityInfoContext().Create(ModelPath.PropertyAt(site.Scope.GetType(), site.Block.Path)).WriteState == NullabilityState.Nullable;

    private void Factor(FieldSite site)
    {
        var valueKey = site.Path + ".value";
        if (!form.TryGetValue(valueKey, out var valueText))
            return;
        var raw = Clean(valueText.ToString());
        var source = Clean(form[site.Path + ".source"].ToString());
        var yearRaw = Clean(form[site.Path + ".year"].ToString());
        var justification = Clean(form[site.Path + ".justification"].ToString());
        if (raw.Length == 0)
        {
            if (source.Length > 0 || justification.Length > 0 || yearRaw.Length > 0)
                Error(valueKey, "Check.FactorValue");
            else
                Set(site, null);
            return;
        }
        var value = Number(valueKey, raw, site.Shape with { Min = 0, Max = 1_000_000_000, ValueType = typeof(decimal) });
        var year = yearRaw.Length == 0 ? null : Number(site.Path + ".year", yearRaw, site.Shape with { Kind = FieldKind.Year, Min = YearAttribute.Min, Max = YearAttribute.Max, ValueType = typeof(int) });
        var shortShape = site.Shape with { Kind = FieldKind.Text, MaxLength = ShortTextAttribute.MaxLength };
        var sourceText = source.Length == 0 ? null : Text(site.Path + ".source", source, shortShape);
        var justificationText = justification.Length == 0 ? null : Text(site.Path + ".justification", justification, shortShape with { MaxLength = LongTextAttribute.MaxLength });
        if (value is null || (yearRaw.Length > 0 && year is null) || (source.Length > 0 && sourceText is null) || (justification.Length > 0 && justificationText is null))
            return;
        var previous = site.Value as Factor;
        Set(site, new Factor
        {
            Value = value.Value,
            // A factor keeps the unit it was given in (an imported file may use another one).
            Unit = previous?.Unit ?? site.Block.Unit ?? "",
            Source = sourceText,
            Year = year is { } y ? (int)y : null,
            Tier = previous?.Tier ?? ParameterTier.Default,
            Justification = justificationText,
        });
    }

    /// The answers still chosen in the order they were stored, then the new ones: saving a page
    /// unchanged changes nothing in the file.
    private static List<object> KeepOrder(IEnumerable<object>? stored, List<object> chosen)
    {
        var result = (stored ?? []).Where(chosen.Contains).Distinct().ToList();
        result.AddRange(chosen.Where(c => !result.Contains(c)));
        return result;
    }

    private static object? ParseEnum(FieldSite site, string? text)
    {
        if (string.IsNullOrEmpty(text) || !char.IsAsciiLetterUpper(text[0]) || !Enum.TryParse(site.Shape.EnumType!, text, ignoreCase: false, out var value)
            || !Enum.IsDefined(site.Shape.EnumType!, value))
            return null;
        // A value outside the choices offered is refused, unless it is the one already stored
        // (a proposal imported on a route no longer offered keeps it until the user changes it).
        return site.Block.Allowed is { } allowed && !allowed.Contains(value) && !Equals(site.Value, value) ? null : value;
    }

    private static void Set(FieldSite site, object? value) => ModelPath.Set(site.Scope, site.Block.Path, value);

    /// Line breaks as "\n", no spaces around: what the user meant, not what the browser sent.
    private static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private string? Error(string path, string key, params object?[] args)
    {
        Error<object>(path, key, args);
        return null;
    }

    private T? Error<T>(string path, string key, params object?[] args)
    {
        errors.TryAdd(path, ProposalText.Format(culture, key, args));
        return default;
    }
}
