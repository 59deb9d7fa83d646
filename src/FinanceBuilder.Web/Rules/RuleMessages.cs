using System.Globalization;
using System.Resources;
using System.Text.Json;

namespace FinanceBuilder.Web.Rules;

/// Writes a finding in the reader's language: the message of RuleMessages.resx (English) or
/// RuleMessages.fr.resx, with money, percentages, numbers and dates formatted for that culture.
public static class RuleMessages
{
    private static readonly ResourceManager Resources = new("FinanceBuilder.Web.Rules.RuleMessages", typeof(RuleMessages).Assembly);

    public static string Render(Finding finding, CultureInfo culture)
    {
        var text = Resources.GetString(finding.MessageKey, culture)
            ?? throw new InvalidOperationException($"Message '{finding.MessageKey}' is missing from RuleMessages.resx.");
        return string.Format(culture, text, finding.Arguments.Select(a => FormatArgument(a, culture)).ToArray());
    }

    public static bool Has(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    public static bool HasFrench(string key) => Resources.GetResourceSet(new CultureInfo("fr"), createIfNotExists: true, tryParents: false)?.GetString(key) is not null;

    private static string FormatArgument(object? argument, CultureInfo culture) => argument switch
    {
        null => "—",
        MoneyArg money => $"{money.Currency} {money.Amount.ToString(money.Amount == Math.Round(money.Amount) ? "N0" : "N2", culture)}",
        RatioArg ratio => Calculators.KeyFigures.RatioText(ratio.Value, culture),
        // Countries are named in the reader's language, as the wizard names them.
        CountryArg country => $"{Features.Wizard.Forms.CountryList.Name(country.Code, culture)} ({country.Code})",
        PercentArg percent => percent.Value.ToString("0.##", culture) + (culture.TwoLetterISOLanguageName == "fr" ? " %" : "%"),
        decimal number => number.ToString(number == Math.Round(number) ? "N0" : "0.##", culture),
        int or long => Convert.ToInt64(argument, CultureInfo.InvariantCulture).ToString(Math.Abs(Convert.ToInt64(argument, CultureInfo.InvariantCulture)) >= 10_000 ? "N0" : "0", culture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Proposals.Model.EssCategory category => category.ToString().Replace("I", "I-", StringComparison.Ordinal),
        Proposals.Model.ResultArea area => area.ToString(),
        FieldsArg fields => string.Join(", ", fields.Paths.Select(p => Features.Wizard.WizardText.Get("Field." + Features.Wizard.Forms.ModelPath.Normalize(p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : p), culture))),
        // Choices are written as the wizard labels them, in the reader's language.
        Enum value => Features.Wizard.WizardText.Resources.GetString($"Enum.{value.GetType().Name}.{value}", culture) is { } label
            ? label
            : JsonNamingPolicy.CamelCase.ConvertName(value.ToString()),
        _ => Convert.ToString(argument, culture) ?? "",
    };
}
