using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// An answer the page cannot read: the page comes back (200) with an error summary linking to
/// the field, the message beside the field, the field marked invalid and still showing what was
/// typed — and nothing saved.
public sealed class FieldValidationTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    public static TheoryData<string, string, string, string> RefusedAnswers => new()
    {
        // step, field, typed, message key
        { "applicant", "applicant.proponent.population", "about 300k", "Check.Number.Letter" },
        { "applicant", "applicant.proponent.population", "-5", "Check.NotNegative" },
        { "applicant", "applicant.proponent.population", "374000.5", "Check.WholeNumber.Decimals" },
        { "applicant", "applicant.proponent.population", "1,25,000", "Check.WholeNumber" },
        { "applicant", "applicant.proponent.populationYear", "1850", "Check.Range" },
        { "applicant", "applicant.proponent.populationYear", "2201", "Check.Range" },
        { "applicant", "applicant.proponent.name", new string('a', 501), "Check.TooLong" },
        { "applicant", "applicant.proponent.name", "Tamale\u0001Metropolitan Assembly", "Check.BadCharacter" },
        { "applicant", "applicant.proponent.type", "Kingdom", "Check.Choice" },
        { "applicant", "applicant.proponent.type", "municipality", "Check.Choice" },
        { "applicant", "applicant.proponent.type", "1", "Check.Choice" },
        { "applicant", "applicant.proponent.countryCode", "XX", "Check.Country" },
        { "applicant", "applicant.proponent.annualBudget.currency", "QQQ", "Check.Currency" },
        { "applicant", "applicant.proponent.annualBudget.amount", "12O000", "Check.Number.Letter" },
        { "partners", "applicant.executingEntities[0].budgetSharePercent", "150", "Check.Range" },
        { "dates", "basics.implementationStart", "2027-02-30", "Check.Date" },
        { "dates", "basics.implementationStart", "03/31/2027", "Check.Date" },
        { "dates", "basics.implementationStart", "31/03/2027", "Check.Date" },
        { "dates", "basics.implementationStart", "1800-01-01", "Check.DateRange" },
        { "budget", "budget.reportingCurrency", "QQQ", "Check.Currency" },
        { "budget", "budget.reportingCurrency", "DOLLARS", "Check.TooLong" },
        { "climate-context", "climateRationale.context", "Flooding\u0007", "Check.BadCharacter" },
    };

    [Theory]
    [MemberData(nameof(RefusedAnswers))]
    public async Task Post_UnreadableAnswer_ShowsErrorAndSavesNothing(string step, string field, string typed, string key)
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync(Sample);
        var before = await browser.StoredDocumentAsync(id);

        var response = await browser.SubmitStepAsync(id, step, "continue", form => form.Change(field, typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await WizardPage.ReadAsync(response);
        AssertFieldError(page, field, typed, key, CultureInfo.GetCultureInfo("en"));
        Assert.StartsWith("Error: ", page.Document.Title, StringComparison.Ordinal);
        var (version, _) = await browser.StoredAsync(id);
        Assert.Equal(1, version);
        Assert.Equal(before, await browser.StoredDocumentAsync(id));
    }

    [Fact]
    public async Task Post_SeveralErrors_ListsEachOnce_AndKeepsEveryTypedAnswer()
    {
        using var browser = new WizardBrowser(app);
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "applicant", "continue", form => form
            .Change("applicant.proponent.population", "lots")
            .Change("applicant.proponent.populationYear", "twenty")
            .Change("applicant.proponent.populationSource", "Ghana Statistical Service, 2021 census"));

        var page = await WizardPage.ReadAsync(response);
        Assert.Equal(["#f-applicant-proponent-population", "#f-applicant-proponent-populationYear"],
            page.Document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Ghana Statistical Service, 2021 census", page.FieldValue("f-applicant-proponent-populationSource"));
        Assert.Equal("lots", page.FieldValue("f-applicant-proponent-population"));
        Assert.Equal("twenty", page.FieldValue("f-applicant-proponent-populationYear"));
        Assert.Equal(1, await browser.StoredVersionAsync(id));
    }

    public static TheoryData<string, string, string> Amounts => new()
    {
        // language, typed, stored (or the key of the message that refuses it)
        { "fr", "1 250 000,50", "1250000.50" },
        { "fr", "1\u202F250\u202F000,50", "1250000.50" },
        { "fr", "1250000,5", "1250000.5" },
        { "en", "1,250,000.50", "1250000.50" },
        { "en", "1250000.5", "1250000.5" },
        { "en", "1,5", "Check.Number.DecimalMark" },
        { "en", "1,25,000", "Check.Number" },
        { "en", "1.250.000", "Check.Number" },
        { "fr", "1.5", "Check.Number.DecimalMark" },
        { "fr", "1 250 000.50", "Check.Number.DecimalMark" },
        { "fr", "1,250,000", "Check.Number" },
        { "fr", "12 k", "Check.Number.Letter" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public async Task Post_Amount_IsReadAsWrittenInTheReadersLanguage(string language, string typed, string stored)
    {
        using var browser = new WizardBrowser(app, language);
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "applicant", "save", form => form
            .Change("applicant.proponent.annualBudget.amount", typed)
            .Change("applicant.proponent.annualBudget.currency", "XOF"));

        var (version, proposal) = await browser.StoredAsync(id);
        if (stored.StartsWith("Check.", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertFieldError(await WizardPage.ReadAsync(response), "applicant.proponent.annualBudget.amount", typed, stored, CultureInfo.GetCultureInfo(language));
            Assert.Equal(1, version);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(decimal.Parse(stored, CultureInfo.InvariantCulture), proposal.Applicant.Proponent.AnnualBudget!.Amount);
        Assert.Equal("XOF", proposal.Applicant.Proponent.AnnualBudget.Currency);
    }

    [Fact]
    public async Task Get_AmountInFrench_IsShownTheFrenchWay_AndSavesBackUnchanged()
    {
        using var browser = new WizardBrowser(app, "fr");
        var id = await browser.SeedSampleAsync(Sample);
        await browser.SubmitStepAsync(id, "applicant", "save", form => form.Change("applicant.proponent.annualBudget.amount", "1 250 000,50"));

        var page = await browser.OpenAsync(Urls.Step(id, "applicant"));
        Assert.Equal("1250000,5", page.FieldValue("f-applicant-proponent-annualBudget-amount")!.Replace("\u202F", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal));
        var again = await browser.SubmitStepAsync(id, "applicant", "save", _ => { });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1250000.5m, (await browser.StoredAsync(id)).Proposal.Applicant.Proponent.AnnualBudget!.Amount);
    }

    [Fact]
    public async Task Post_ErrorInFrench_IsWrittenInFrench()
    {
        using var browser = new WizardBrowser(app, "fr");
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "applicant", "continue", form => form.Change("applicant.proponent.population", "beaucoup"));

        AssertFieldError(await WizardPage.ReadAsync(response), "applicant.proponent.population", "beaucoup", "Check.Number.Letter", CultureInfo.GetCultureInfo("fr"));
    }

    [Theory]
    [InlineData("fr", "12,5", "Saisissez un nombre entier, sans décimales (par exemple 1\u202F250).")]
    [InlineData("en", "12,5", "Enter a whole number, without decimals (for example 1,250).")]
    [InlineData("en", "12.5", "Enter a whole number, without decimals (for example 1,250).")]
    [InlineData("fr", "300k", "Ce nombre contient une lettre («\u00A0k\u00A0»)\u00A0: saisissez uniquement des chiffres, par exemple 1\u202F250.")]
    public async Task Post_WholeNumberWrongly_SaysWhatIsWrong_WithAnExampleInThePagesFormat(string language, string typed, string message)
    {
        using var browser = new WizardBrowser(app, language);
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "applicant", "continue", form => form.Change("applicant.proponent.population", typed));

        var page = await WizardPage.ReadAsync(response);
        Assert.EndsWith(message, page.Get("#" + ModelPathId("applicant.proponent.population") + "-error").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "16/03/2026", "16/03/2026")]
    [InlineData("fr", "16.3.2026", "16/03/2026")]
    [InlineData("fr", "2026-03-16", "16/03/2026")]
    [InlineData("en", "2026-03-16", "2026-03-16")]
    [InlineData("en", "16 March 2026", "2026-03-16")]
    public async Task Post_Date_IsReadAndShownInThePagesFormat(string language, string typed, string shown)
    {
        using var browser = new WizardBrowser(app, language);
        var id = await browser.SeedSampleAsync(Sample);

        var response = await browser.SubmitStepAsync(id, "dates", "save", form => form.Change("basics.implementationStart", typed));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2026, 3, 16), (await browser.StoredAsync(id)).Proposal.Basics.ImplementationStart);
        var page = await browser.OpenAsync(Urls.Step(id, "dates"));
        var input = page.Get("#" + ModelPathId("basics.implementationStart"));
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.Equal(shown, page.FieldValue(ModelPathId("basics.implementationStart")));
    }

    /// The error as the page must show it: in the summary, linked to a field that exists; beside
    /// the field; the field marked invalid and still holding the typed text.
    internal static void AssertFieldError(WizardPage page, string field, string typed, string key, CultureInfo culture)
    {
        var id = ModelPathId(field);
        var message = MessagePattern(key, culture);
        var summary = page.Get(".error-summary");
        var link = summary.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == "#" + id);
        Assert.True(link is not null, $"The error summary does not link to #{id}: {summary.TextContent.Trim()}");
        Assert.Matches(message, link.TextContent);
        Assert.DoesNotMatch(WizardTextTests.RawKey(), link.TextContent);
        Assert.StartsWith(QuestionLabel(field, culture) + FinanceBuilder.Web.Proposals.Text.ProposalText.Get("Ui.LabelSeparator", culture), link.TextContent, StringComparison.Ordinal);
        var input = page.Get("#" + id);
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        // A text box shows what was typed; a list of choices cannot show a value it does not offer.
        if (input is not AngleSharp.Html.Dom.IHtmlSelectElement)
            Assert.Equal(typed, page.FieldValue(id));
        var container = input.Closest(".field--error");
        Assert.True(container is not null, $"#{id} is not inside a field marked as in error.");
        var beside = container.QuerySelector(".error-message");
        Assert.True(beside is not null, $"No message beside #{id}.");
        Assert.Matches(message, beside.TextContent);
        Assert.Empty(StepPageTests.BrokenReferences(page));
        var describedBy = input.GetAttribute("aria-describedby") ?? input.Closest("fieldset[aria-describedby]")?.GetAttribute("aria-describedby") ?? "";
        Assert.Contains(beside.Id, describedBy.Split(' '));
    }

    /// The question's label; for a part of a compound answer (an amount, a currency), its question's.
    private static string QuestionLabel(string field, CultureInfo culture)
    {
        var key = "Field." + FinanceBuilder.Web.Proposals.Model.ModelPath.Normalize(field);
        var label = ProposalText.Get(key, culture);
        return label != key ? label : QuestionLabel(field[..field.LastIndexOf('.')], culture);
    }

    internal static string ModelPathId(string field) => FinanceBuilder.Web.Proposals.Model.ModelPath.HtmlId(field);

    /// The message a key gives, whatever its placeholders hold.
    internal static Regex MessagePattern(string key, CultureInfo culture)
    {
        var text = ProposalText.Get(key, culture);
        Assert.NotEqual(key, text);
        return new Regex(Regex.Replace(Regex.Escape(text), @"\\\{\d+}", ".+"), RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
