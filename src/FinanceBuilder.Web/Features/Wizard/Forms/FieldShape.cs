using System.Reflection;
using System.Runtime.CompilerServices;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// How a question is asked and read back.
public enum FieldKind
{
    Text, Email, Phone, Paragraph, Narrative, Identifier, Currency, WholeNumber, Number, Year, Date, YesNo, Check,
    Choice, Choices, Country, Countries, Reference, References, Money, People, Factor,
    /// An entry of the accredited-entity directory (DirectoryPicker).
    Directory,
}

/// What a model property asks for: its kind, limits and whether it may be left empty — all read
/// from the property's type and attributes, the same ones the JSON schema and import use.
public sealed record FieldShape(FieldKind Kind, Type ValueType, int MaxLength, decimal Min, decimal Max, bool Required, Type? EnumType)
{
    public static FieldShape Of(PropertyInfo property, FieldBlock block)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var element = ModelPath.ElementType(type);
        var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null
            || (underlying.IsValueType && Nullable.GetUnderlyingType(type) is null && underlying != typeof(bool));
        var (min, max) = Range(property, underlying);
        var kind = KindOf(property, block, underlying, element);
        var maxLength = property.GetCustomAttribute<NarrativeAttribute>() is not null ? NarrativeAttribute.MaxLength
            : property.GetCustomAttribute<LongTextAttribute>() is not null ? LongTextAttribute.MaxLength
            : property.GetCustomAttribute<IdentifierAttribute>() is not null ? IdentifierAttribute.MaxLength
            : property.GetCustomAttribute<CurrencyCodeAttribute>() is not null ? 3
            : property.GetCustomAttribute<DirectoryEntryIdAttribute>() is not null ? DirectoryEntryIdAttribute.MaxLength
            : ShortTextAttribute.MaxLength;
        if (type == typeof(string) && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
            required = true;
        var enumType = underlying.IsEnum ? underlying : element is { IsEnum: true } ? element : null;
        return new FieldShape(kind, underlying, maxLength, min, max, required, enumType);
    }

    private static FieldKind KindOf(PropertyInfo property, FieldBlock block, Type underlying, Type? element)
    {
        if (block.Options is not null)
            return element == typeof(string) ? FieldKind.References : FieldKind.Reference;
        if (underlying == typeof(string))
        {
            if (property.GetCustomAttribute<CountryCodeAttribute>() is not null) return FieldKind.Country;
            if (property.GetCustomAttribute<DirectoryEntryIdAttribute>() is not null) return FieldKind.Directory;
            if (property.GetCustomAttribute<CurrencyCodeAttribute>() is not null) return FieldKind.Currency;
            if (property.GetCustomAttribute<IdentifierAttribute>() is not null) return FieldKind.Identifier;
            if (property.GetCustomAttribute<NarrativeAttribute>() is not null) return FieldKind.Narrative;
            if (property.GetCustomAttribute<LongTextAttribute>() is not null) return FieldKind.Paragraph;
            if (property.Name == "Email") return FieldKind.Email;
            if (property.Name == "Phone") return FieldKind.Phone;
            return FieldKind.Text;
        }
        if (element == typeof(CountryRef)) return FieldKind.Countries;
        if (element is { IsEnum: true }) return FieldKind.Choices;
        if (underlying.IsEnum) return FieldKind.Choice;
        if (underlying == typeof(bool)) return Nullable.GetUnderlyingType(property.PropertyType) is null ? FieldKind.Check : FieldKind.YesNo;
        if (underlying == typeof(int) || underlying == typeof(long))
            return property.GetCustomAttribute<YearAttribute>() is not null ? FieldKind.Year : FieldKind.WholeNumber;
        if (underlying == typeof(decimal)) return FieldKind.Number;
        if (underlying == typeof(DateOnly)) return FieldKind.Date;
        if (underlying == typeof(Money)) return FieldKind.Money;
        if (underlying == typeof(PeopleCount)) return FieldKind.People;
        if (underlying == typeof(Factor)) return FieldKind.Factor;
        throw new NotSupportedException($"No question kind for {property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}).");
    }

    private static (decimal Min, decimal Max) Range(PropertyInfo property, Type type)
    {
        if (property.GetCustomAttribute<PercentAttribute>() is not null) return (0, 100);
        if (property.GetCustomAttribute<YearAttribute>() is not null) return (YearAttribute.Min, YearAttribute.Max);
        if (property.GetCustomAttribute<AllowNegativeAttribute>() is { } range) return ((decimal)range.Minimum, (decimal)range.Maximum);
        if (type == typeof(int)) return (0, int.MaxValue);
        return (0, ProposalInputCheck.MaxMagnitude);
    }
}
