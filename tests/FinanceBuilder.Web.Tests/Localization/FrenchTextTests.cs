using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Localization;

/// French as a francophone writes it, in every French resource (*.fr.resx, templates/*/fr) and
/// on the French pages of a sample proposal: no English word left behind, a no-break space
/// before ; : ! ? » and after «, the typographic apostrophe (’) the templates use, tCO2e and kWc,
/// and no "(s)" or "1 sections" where a count decides the form.
public sealed partial class FrenchTextTests : IDisposable
{
    private const string Sample = "adaptation-cotonou-drainage-fr.json";
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    /// English words that are not French words too ("Total", "Date", "Type", "Budget", "Page",
    /// "Action", "Note", "Impact", "Source", "Version" are both, so they are not listed).
    private static readonly string[] EnglishWords =
    [
        "the", "The", "and", "with", "without", "your", "Your", "for", "from", "this", "This", "not", "to", "of",
        "Save", "save", "Error", "Errors", "Warning", "Warnings", "Draft", "Step", "Add", "add", "Remove", "remove",
        "Yes", "No", "Back", "Continue", "Cancel", "Delete", "Edit", "Submit", "Search", "Next", "Previous",
        "Show", "Hide", "Download", "Loading", "Help", "Sign", "Change", "Comments", "Items", "items", "Proposal", "proposal",
    ];

    [GeneratedRegex(@"(?<!\p{L})(?<word>\p{L}+)(?!\p{L})")]
    private static partial Regex Word();

    /// A rule a French text breaks, as a pattern and the reason a reader is given.
    private static readonly (Regex Pattern, string Why)[] Typography =
    [
        (new(@"\S [;:!?»]", RegexOptions.None, TimeSpan.FromSeconds(1)), "ordinary space before ; : ! ? » (use a no-break space)"),
        (new(@"\p{L}[;!?»](?=\s|$)", RegexOptions.None, TimeSpan.FromSeconds(1)), "no space before ; ! ? »"),
        (new(@"«[ \p{L}\d{]", RegexOptions.None, TimeSpan.FromSeconds(1)), "no no-break space after «"),
        (new(@"\p{L}'\p{L}", RegexOptions.None, TimeSpan.FromSeconds(1)), "straight apostrophe (the French texts use ’)"),
        (new(@"tCO2[eé]q|tCO₂|(?<!\p{L})t CO2|kWp", RegexOptions.None, TimeSpan.FromSeconds(1)), "unit spelled otherwise than tCO2e / kWc"),
        (new(@"\p{L}\(s\)", RegexOptions.None, TimeSpan.FromSeconds(1)), "\"(s)\": choose the form with the count (Plural)"),
        (new(@"(?<![\d\u202F\u00A0,.])[01]\s(?!mois|pays|fois|cas|prix|choix|avis|accès|temps)\p{L}+[sx](?!\p{L})", RegexOptions.None, TimeSpan.FromSeconds(1)), "0 or 1 with a plural noun"),
    ];

    public static TheoryData<string> FrenchResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "src", "FinanceBuilder.Web"), "*.fr.resx", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(Root(), "templates"), "*.scriban", SearchOption.AllDirectories).Where(f => f.Contains("/fr/", StringComparison.Ordinal)))
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void FrenchResource_IsWrittenInFrench(string file)
    {
        var path = Path.Combine(Root(), file);
        var texts = file.EndsWith(".resx", StringComparison.Ordinal)
            ? XDocument.Load(path).Root!.Elements("data").Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? ""))
            : TemplateText(File.ReadAllText(path));
        var problems = texts.SelectMany(t => Problems(t.Item2).Select(p => $"{t.Item1}: {p}")).ToList();
        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task FrenchPages_OfASampleProposal_AreWrittenInFrench()
    {
        using var browser = new WizardBrowser(app, "fr");
        var id = await browser.SeedSampleAsync(Sample);
        var answers = UserTexts(Samples.ReadText(Sample));
        var urls = new List<string> { "/", Urls.TaskList(id), Urls.CheckAnswers(id) };
        urls.AddRange(StepCatalogue.All.Select(s => Urls.Step(id, s.Id)));

        var problems = new List<string>();
        foreach (var url in urls)
        {
            var page = await browser.GetAsync(url);
            if (page.Status != System.Net.HttpStatusCode.OK)
                continue; // a step that does not apply to this proposal redirects
            foreach (var node in page.Document.QuerySelectorAll("script, textarea, option, select"))
                node.Remove();
            // What the applicant wrote is theirs, whatever its typography: only the app's words are checked.
            var text = page.Document.Body?.TextContent ?? "";
            foreach (var answer in answers)
                text = WithoutAnswer(text, answer);
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                problems.AddRange(Problems(line).Select(p => $"{url}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// The checker itself finds what it looks for (a test that cannot fail proves nothing).
    [Theory]
    [InlineData("Enregistrer the brouillon", "English word")]
    [InlineData("Erreurs : 2", "ordinary space")]
    [InlineData("Vraiment?", "no space before")]
    [InlineData("l'AND", "straight apostrophe")]
    [InlineData("12 tCO2éq", "unit")]
    [InlineData("2 ligne(s)", "(s)")]
    [InlineData("1 sections complètes", "0 or 1")]
    public void Checker_FindsEachKindOfProblem(string text, string expected) =>
        Assert.Contains(Problems(text), p => p.Contains(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("Total\u00A0: 1\u202F200\u00A0USD sur 1 ligne")]
    [InlineData("l’AND du Bénin, 1 mois, «\u00A0Potentiel\u00A0»")]
    public void Checker_AcceptsGoodFrench(string text) => Assert.Empty(Problems(text));

    private static IEnumerable<string> Problems(string text)
    {
        // Placeholders, quoted literals ("3"), JSON paths and addresses are not prose.
        var prose = Regex.Replace(text, @"\{[^}]*\}|""[^""]*""|\$\.[\w.\[\]]+|https?://\S+|[\w.+-]+@[\w.-]+", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (Match m in Word().Matches(prose))
        {
            if (EnglishWords.Contains(m.Groups["word"].Value, StringComparer.Ordinal))
                yield return $"English word \"{m.Groups["word"].Value}\" in \"{Excerpt(prose, m.Index)}\"";
        }
        foreach (var (pattern, why) in Typography)
        {
            foreach (Match m in pattern.Matches(prose))
                yield return $"{why} in \"{Excerpt(prose, m.Index)}\"";
        }
    }

    private static string Excerpt(string text, int at) =>
        text.Substring(Math.Max(0, at - 30), Math.Min(text.Length, at + 30) - Math.Max(0, at - 30)).Replace('\n', ' ');

    /// The text a template writes itself: everything outside {{ … }}, without Markdown table rules.
    private static IEnumerable<(string, string)> TemplateText(string template) =>
        Regex.Split(template, @"\{\{.*?\}\}", RegexOptions.Singleline, TimeSpan.FromSeconds(1))
            .SelectMany(part => part.Split('\n'))
            .Select(line => Regex.Replace(line, @"\|?\s*:?-{3,}:?\s*", " ", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(line => line.Trim().Length > 0)
            .Select(line => ("line", line));

    /// The text without an answer, whole or cut short ("Le drainage de Cotonou…") as check-answers shows a long one.
    private static string WithoutAnswer(string text, string answer)
    {
        text = text.Replace(answer, " ", StringComparison.Ordinal);
        if (answer.Length < 60)
            return text;
        for (var at = text.IndexOf(answer[..40], StringComparison.Ordinal); at >= 0; at = text.IndexOf(answer[..40], StringComparison.Ordinal))
        {
            var end = text.IndexOf('…', at);
            text = text[..at] + " " + text[(end < 0 ? text.Length : end + 1)..];
        }
        return text;
    }

    /// Every string the sample's author wrote, longest first (so a long answer goes before its parts).
    private static List<string> UserTexts(string json)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                        Walk(p.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                        Walk(item);
                    break;
                case JsonValueKind.String when e.GetString() is { Length: > 3 } s:
                    texts.Add(s);
                    break;
            }
        }
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement);
        return [.. texts.Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)];
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinanceBuilder.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("FinanceBuilder.sln not found above " + AppContext.BaseDirectory);
    }
}
