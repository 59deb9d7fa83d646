using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Submissions;

namespace FinanceBuilder.Web.Tests.Wizard;

/// The people who use these pages are municipal climate officers, not developers: no page they
/// see shows a JSON path, an HTTP verb, an API address or a schema. Each page of a sample
/// proposal is rendered in English and French and its visible text is searched for the marks of
/// developer language. Links to /api/ are allowed only as file downloads (the officer gets a file,
/// never an API answer in the browser); the admin area and the API documentation are not checked.
public sealed partial class PlainLanguageTests : IDisposable
{
    private const string Sample = "mitigation-tamale-solar-led.json";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    public static TheoryData<string> Languages => new() { "en", "fr" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryOfficerPage_SpeaksPlainLanguage(string language)
    {
        using var browser = new WizardBrowser(app, language);
        var id = await browser.SeedSampleAsync(Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.SubmitAsync(id)).StatusCode);
        var proposal = (await browser.StoredAsync(id)).Proposal;

        var urls = new List<string>
        {
            "/", "/proposals/new", "/proposals/import",
            $"/proposals/{id}", $"/proposals/{id}/check-answers", $"/proposals/{id}/package", $"/proposals/{id}/delete",
            $"/proposals/{id}/submit", $"/proposals/{id}/versions", $"/proposals/{id}/versions/1", $"/proposals/{id}/compare",
            $"/proposals/{id}/comments", $"/proposals/{id}/activity",
        };
        urls.AddRange(StepCatalogue.For(proposal).Select(s => $"/proposals/{id}/{s.Id}"));

        var problems = new List<string>();
        foreach (var url in urls)
            problems.AddRange(Check(url, await browser.OpenAsync(url)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// A file that cannot be imported is explained by the question or the section it concerns,
    /// never by where it sits in the JSON.
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ImportErrors_NameTheQuestion_NotTheJsonPath(string language)
    {
        using var browser = new WizardBrowser(app, language);
        var sample = Samples.ReadText(Sample);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        string Label(string key) => FinanceBuilder.Web.Proposals.Text.ProposalText.Get(key, culture);
        // Each broken file, and the words its problem must show: the question, or else the section.
        (string File, string? Names)[] files =
        [
            ("not a proposal", null),
            ("[1, 2, 3]", null),
            ("{\"basics\":{\"title\":\"x\"}}", null),
            ("{\"schemaVersion\":99}", null),
            ("{\"schemaVersion\":1,\"basics\":{\"focus\":\"both\",\"implementationMonths\":\"sixty\"}}", Label("Field.basics.focus")),
            ("{\"schemaVersion\":1,\"basics\":{\"title\":\"" + new string('a', 600) + "\"}}", Label("Field.basics.title")),
            ("{\"schemaVersion\":1,\"basics\":{\"colour\":\"green\"}}", Label("Step.basics")),
            (sample.Replace("\"USD\"", "\"DOLLARS\"", StringComparison.Ordinal), Label("Step.budget")),
            (sample.Replace("\"gcfInstruments\": [", "\"gcfInstruments\": [null, ", StringComparison.Ordinal), Label("Step.financing")),
        ];
        var problems = new List<string>();
        foreach (var (file, names) in files)
        {
            var page = await ImportAsync(browser, Encoding.UTF8.GetBytes(file));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var listed = page.Document.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
            Assert.NotEmpty(listed);
            if (names is not null)
                Assert.Contains(listed, text => text.Contains(names, StringComparison.Ordinal));
            problems.AddRange(Check("import of " + file[..Math.Min(40, file.Length)], page));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// The first words a newcomer reads: what to gather, how long it takes, the sections of a
    /// concept note, and the two ways to start. No proposal is seeded.
    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EmptyHome_ExplainsHowToStart_InPlainLanguage(string language)
    {
        using var browser = new WizardBrowser(app, language);

        var page = await browser.OpenAsync("/");

        Assert.Empty(Check("/", page));
        Assert.NotNull(page.Find("a[href='/proposals/new']"));
        Assert.NotNull(page.Find("a[href='/proposals/import']"));
        Assert.True(page.Document.QuerySelectorAll(".start-sections li").Length >= 5, "The concept note's sections are listed.");
    }

    private static async Task<WizardPage> ImportAsync(WizardBrowser browser, byte[] file)
    {
        var form = await browser.OpenAsync("/proposals/import");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(TestAccounts.AntiforgeryToken(form.Html)), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "file", "proposal.json");
        return await WizardPage.ReadAsync(await browser.Client.PostAsync("/proposals/import", content));
    }

    /// What a person reads on the page (text, and the labels assistive technology reads out),
    /// checked against developer language; and links to the API, allowed only as downloads.
    private static IEnumerable<string> Check(string url, WizardPage page)
    {
        var main = page.Document.QuerySelector("main") ?? page.Document.Body!;
        foreach (var hidden in main.QuerySelectorAll("script, template, noscript").ToList())
            hidden.Remove();
        var read = new StringBuilder(main.TextContent);
        foreach (var element in main.QuerySelectorAll("[title], [aria-label], [placeholder], [alt]"))
            foreach (var name in (string[])["title", "aria-label", "placeholder", "alt"])
                if (element.GetAttribute(name) is { } value)
                    read.Append(' ').Append(value);
        var text = Regex.Replace(read.ToString(), @"\s+", " ");
        foreach (Match m in DeveloperLanguage().Matches(text))
            yield return $"{url}: \"{Around(text, m)}\"";
        foreach (var link in main.QuerySelectorAll("a[href*='/api/']"))
            if (!link.HasAttribute("download"))
                yield return $"{url}: a link to the API that is not a download: {link.GetAttribute("href")}";
    }

    private static string Around(string text, Match m)
    {
        var start = Math.Max(0, m.Index - 50);
        return text[start..Math.Min(text.Length, m.Index + m.Length + 50)];
    }

    [GeneratedRegex(@"\$\.|\[\d+\]\.|\bPOST\b|\bGET\b|\bPUT\b|JSON Schema|\bHTTP\b|/api/|\bAPI\b|\bETag\b|If-Match|\bschemaVersion\b|\bnull\b")]
    private static partial Regex DeveloperLanguage();
}
