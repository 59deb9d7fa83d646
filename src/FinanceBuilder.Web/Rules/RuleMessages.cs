using System.Globalization;
using System.Resources;
using System.Text.Json;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Rules;

/// Writes a finding in the reader's language: the message of RuleMessages.resx (English) or
/// RuleMessages.fr.resx, with money, percentages, numbers and dates formatted for that culture.
public static class RuleMessages
{
    private static readonly Localization.ResourceTexts Resources = new("FinanceBuilder.Web.Rules.RuleMessages", typeof(RuleMessages).Assembly);

    public static string Render(Finding finding, CultureInfo culture)
    {
        var text = Resources.GetString(Key(finding, culture), culture)
            ?? throw new InvalidOperationException($"Message '{finding.MessageKey}' is missing from RuleMessages.resx.");
        return string.Format(culture, text, finding.Arguments.Select(a => FormatArgument(a, culture)).ToArray());
    }

    /// A message that counts has a ".One" and an ".Other" text (see Plural), chosen by its first
    /// argument ({0}, the count): "1 ligne budgétaire", "3 lignes budgétaires".
    private static string Key(Finding finding, CultureInfo culture) =>
        Resources.GetString(finding.MessageKey, CultureInfo.InvariantCulture) is null
        && finding.Arguments is [int or long or decimal, ..]
            ? Plural.Key(finding.MessageKey, Convert.ToDecimal(finding.Arguments[0], CultureInfo.InvariantCulture), culture)
            : finding.MessageKey;

    public static bool Has(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null
        || Resources.GetString(key + ".Other", CultureInfo.InvariantCulture) is not null;

    public static bool HasFrench(string key)
    {
        var french = Resources.GetResourceSet(new CultureInfo("fr"), createIfNotExists: true, tryParents: false);
        return french?.GetString(key) is not null || (french?.GetString(key + ".One") is not null && french.GetString(key + ".Other") is not null);
    }

    private static object FormatArgument(object? argument, CultureInfo culture) => argument switch
    {
        null => "—",
        // Whole units from a thousand up: a total converted from another currency carries
        // meaningless cents ("USD 31,024.04"), which no funder's template prints.
        MoneyArg money => NumberText.Money(money.Amount, money.Currency, culture, decimals: money.Amount == Math.Round(money.Amount) || Math.Abs(money.Amount) >= 1_000 ? 0 : 2),
        RatioArg ratio => Calculators.KeyFigures.RatioText(ratio.Value, culture),
        // Countries are named in the reader's language, as the wizard names them; "{0:of}" in a
        // French text gives "du Bénin (BJ)", "{0:The}" "Le Bénin (BJ)".
        CountryArg country => new CountryPhrase(country.Code, culture),
        PercentArg percent => percent.Value.ToString("0.##", culture) + (culture.TwoLetterISOLanguageName == "fr" ? " %" : "%"),
        decimal number => number.ToString(number == Math.Round(number) ? "N0" : "0.##", culture),
        int or long => Convert.ToInt64(argument, CultureInfo.InvariantCulture).ToString(Math.Abs(Convert.ToInt64(argument, CultureInfo.InvariantCulture)) >= 10_000 ? "N0" : "0", culture),
        DateOnly date => DateText.Written(date, culture),
        Proposals.Model.EssCategory category => category.ToString().Replace("I", "I-", StringComparison.Ordinal),
        Proposals.Model.ResultArea area => area.ToString(),
        FieldsArg fields => string.Join(", ", fields.Paths.Select(p => Proposals.Text.ProposalText.Get("Field." + Proposals.Model.ModelPath.Normalize(p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : p), culture))),
        // Choices are written as the wizard labels them, in the reader's language.
        Enum value => Proposals.Text.ProposalText.Resources.GetString($"Enum.{value.GetType().Name}.{value}", culture) is { } label
            ? label
            : JsonNamingPolicy.CamelCase.ConvertName(value.ToString()),
        _ => Convert.ToString(argument, culture) ?? "",
    };
}

/// A country in a rule's sentence: the format of its placeholder says which form French needs.
internal sealed class CountryPhrase(string code, CultureInfo culture) : IFormattable
{
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        string Name(string c) => CountryList.Name(c, culture);
        var text = format switch
        {
            "of" => CountryText.Of(code, culture, Name),
            "in" => CountryText.In(code, culture, Name),
            "the" or "The" => CountryText.The(code, culture, Name),
            _ => Name(code),
        };
        if (format == "The" && text.Length > 0)
            text = culture.TextInfo.ToUpper(text[0]) + text[1..];
        return $"{text} ({code})";
    }

    public override string ToString() => ToString(null, culture);
}
