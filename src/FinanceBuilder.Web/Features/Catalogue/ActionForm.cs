using System.Globalization;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The action's edit form read back into a record: every field by its name, numbers in the
/// reader's format, each mistake kept beside its field in the reader's language. A form with a
/// mistake is shown again as typed and nothing is saved.
public static class ActionForm
{
    /// Empty rows offered below the funding sources and the results, for a form without JavaScript.
    public const int BlankRows = 2;

    public sealed record Reading(CatalogueAction Action, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Typed);

    public static Reading Read(IFormCollection form, CultureInfo culture)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Text(string name)
        {
            var value = form[name].ToString().Trim();
            typed[name] = value;
            return value.Length == 0 ? null : value;
        }
        decimal? Number(string name)
        {
            if (Text(name) is not { } text)
                return null;
            if (NumberText.TryParse(text, culture, out var value))
                return value;
            errors[name] = CatalogueText.Texts.Format(culture, "Error.Number", text);
            return null;
        }
        int? Year(string name)
        {
            if (Text(name) is not { } text)
                return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= YearAttribute.Min and <= YearAttribute.Max)
                return year;
            errors[name] = CatalogueText.Texts.Format(culture, "Error.Year", text, YearAttribute.Min, YearAttribute.Max);
            return null;
        }
        DateOnly? Date(string name)
        {
            if (Text(name) is not { } text)
                return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            errors[name] = CatalogueText.Texts.Format(culture, "Error.Date", text);
            return null;
        }
        T? Choice<T>(string name) where T : struct, Enum
        {
            if (Text(name) is not { } text)
                return null;
            if (Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
                return value;
            errors[name] = CatalogueText.Texts.Get("Error.Choice", culture);
            return null;
        }
        List<T> Choices<T>(string name) where T : struct, Enum
        {
            var values = new List<T>();
            foreach (var text in form[name])
            {
                if (Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value))
                {
                    if (!values.Contains(value))
                        values.Add(value);
                }
                else
                    errors[name] = CatalogueText.Texts.Get("Error.Choice", culture);
            }
            return values;
        }
        string? Currency(string name)
        {
            if (Text(name)?.ToUpperInvariant() is not { } code)
                return null;
            if (IsoCodes.Currencies.Contains(code))
                return code;
            errors[name] = CatalogueText.Texts.Format(culture, "Error.Currency", code);
            return null;
        }

        var action = new CatalogueAction
        {
            Language = Choice<Language>("language") is Language.Fr ? Language.Fr : Language.En,
            Title = Text("title"),
            Summary = Text("summary"),
            CountryCode = Text("country")?.ToUpperInvariant(),
            AdministrativeArea = Named(Text("area")).Name,
            AdministrativeAreaCode = Named(Text("area")).Code,
            Communes = Communes(Text("communes")),
            Focus = Choices<ActionFocus>("focus"),
            ResultAreas = Choices<ResultArea>("resultAreas"),
            Hazards = Choices<HazardType>("hazards"),
            Sectors = Choices<EconomicSector>("sectors"),
            Status = Choice<ActionStatus>("status") ?? ActionStatus.Idea,
            TotalCostUsd = Number("costUsd"),
            Participation = Choice<ParticipationLevel>("participation"),
            PlannedStart = Date("plannedStart"),
            PlannedEnd = Date("plannedEnd"),
            ActualStart = Date("actualStart"),
            ActualEnd = Date("actualEnd"),
            ContactRole = Text("contactRole"),
            FundedProjectUrl = Text("fundedProjectUrl"),
            GcfReference = Text("gcfReference"),
            Licence = Choice<DataLicence>("licence") ?? DataLicence.CcBy40,
            ShowProgress = Text("showProgress") == "true",
        };
        if (action.CountryCode is { } country && !IsoCodes.Countries.Contains(country))
            errors["country"] = CatalogueText.Texts.Get("Error.Choice", culture);
        // A link a reader will follow: a web address, never a script or a local file.
        if (action.FundedProjectUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors["fundedProjectUrl"] = CatalogueText.Texts.Get("Error.Url", culture);
        if (action.AdministrativeAreaCode is { } areaCode && !FinanceBuilder.Web.Catalogue.TerritoryCode.Pattern().IsMatch(areaCode))
            errors["area"] = CatalogueText.Texts.Format(culture, "Error.AreaCode", areaCode);
        if (action.Communes.Count > CatalogueAction.MaxCommunes)
            errors["communes"] = CatalogueText.Texts.Format(culture, "Error.TooManyCommunes", CatalogueAction.MaxCommunes);
        var otherTitle = Text("translationTitle");
        var otherSummary = Text("translationSummary");
        if (otherTitle is not null || otherSummary is not null)
            action.Translation = new ActionTranslation { Language = action.Language == Language.Fr ? Language.En : Language.Fr, Title = otherTitle, Summary = otherSummary };
        if (Number("costAmount") is { } cost)
        {
            if (Currency("costCurrency") is { } currency)
                action.TotalCost = new Money { Amount = cost, Currency = currency };
            else
                errors.TryAdd("costCurrency", CatalogueText.Texts.Get("Error.CurrencyNeeded", culture));
        }
        else
            Text("costCurrency");

        for (var i = 0; i < CatalogueAction.MaxFunding + BlankRows && form.ContainsKey($"funding[{i}].source"); i++)
        {
            var source = Text($"funding[{i}].source");
            var amount = Number($"funding[{i}].amount");
            var currency = Currency($"funding[{i}].currency");
            var instrument = Choice<FinancialInstrument>($"funding[{i}].instrument");
            var state = Choice<FundingState>($"funding[{i}].state") ?? FundingState.Sought;
            if (source is null && amount is null)
                continue;
            if (amount is not null && currency is null)
                errors.TryAdd($"funding[{i}].currency", CatalogueText.Texts.Get("Error.CurrencyNeeded", culture));
            action.Funding.Add(new ActionFunding
            {
                Source = source,
                Instrument = instrument,
                Amount = amount is { } a && currency is { } c ? new Money { Amount = a, Currency = c } : null,
                State = state,
            });
        }
        for (var i = 0; i < CatalogueAction.MaxResults + BlankRows && form.ContainsKey($"results[{i}].indicator"); i++)
        {
            var result = new ActionResult
            {
                Indicator = Text($"results[{i}].indicator"),
                Code = Text($"results[{i}].code") is { Length: <= 64 } code && code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_') ? code : null,
                Unit = Text($"results[{i}].unit"),
                IrmfCore = Choice<IrmfCore>($"results[{i}].irmfCore"),
                Baseline = Number($"results[{i}].baseline"),
                BaselineYear = Year($"results[{i}].baselineYear"),
                Target = Number($"results[{i}].target"),
                TargetYear = Year($"results[{i}].targetYear"),
            };
            if (result.Indicator is not null || result.Target is not null)
                action.Results.Add(result);
        }
        return new Reading(action, errors, typed);
    }

    /// One commune per line, its code after a slash: "Dassa-Zoumè / 0503" (a slash, not a
    /// semicolon, which French typography would want spaced).
    private static List<ActionCommune> Communes(string? text) =>
        (text ?? "").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .Select(Named)
            .Select(named => new ActionCommune { Name = named.Name, Code = named.Code })
            .ToList();

    /// A place as the form writes it: its name, then its official code after a slash when
    /// known ("Dassa-Zoumè / 0503", "Région de Saint-Louis / SN-SL").
    private static (string? Name, string? Code) Named(string? line)
    {
        var parts = (line ?? "").Split('/', 2);
        return (parts[0].Trim() is { Length: > 0 } name ? name : null,
            parts.Length > 1 && parts[1].Trim() is { Length: > 0 } code ? code : null);
    }

    /// A place as the form shows it, with its code after a slash.
    public static string? NamedText(string? name, string? code) => code is null ? name : $"{name} / {code}";

    /// The communes as the form's text area shows them.
    public static string CommunesText(IEnumerable<ActionCommune> communes) =>
        string.Join("\n", communes.Select(c => NamedText(c.Name, c.Code)));
}
