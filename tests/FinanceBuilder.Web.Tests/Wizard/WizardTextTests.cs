using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Wizard;

/// Every text the wizard shows exists in English and in French: the keys the step catalogue
/// needs, the keys the code names, and — the proof — no page shows a key instead of a text.
public sealed partial class WizardTextTests
{
    private static readonly ResourceManager Resources = new("FinanceBuilder.Web.Proposals.Text.ProposalText", typeof(ProposalText).Assembly);

    /// The resources of one language alone: a key missing in French must not be found in English.
    private static ResourceSet Set(string culture) =>
        Resources.GetResourceSet(culture.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
        ?? throw new InvalidOperationException($"No resource set for '{culture}'.");

    private static List<string> Missing(IEnumerable<string> keys, string culture)
    {
        var set = Set(culture);
        bool Has(string key) => !string.IsNullOrWhiteSpace(set.GetString(key));
        // A counted text is named by its base key (Plural.Key adds ".One" or ".Other"): both forms must exist.
        return keys.Where(k => !Has(k) && !(Has(k + ".One") && Has(k + ".Other"))).ToList();
    }

    [Fact]
    public void TheFrenchSet_IsFrenchAlone()
    {
        Assert.Equal(["No.Such.Key"], Missing(["No.Such.Key", "Ui.Save"], "fr"));
        Assert.NotEqual(Set("").GetString("Ui.SaveAndContinue"), Set("fr").GetString("Ui.SaveAndContinue"));
        Assert.Matches(RawKey(), "Field.applicant.proponent.annualBudget.amount: Enter a number");
        Assert.DoesNotMatch(RawKey(), "Add another location. Step 3 of 9.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr")]
    public void EveryKeyOfTheStepCatalogue_HasAText(string culture)
    {
        var keys = WizardKeys.Required().ToList();

        Assert.True(keys.Count > 500, $"The catalogue needs only {keys.Count} keys: WizardKeys reads too little of it.");
        var missing = Missing(keys, culture);
        Assert.True(missing.Count == 0, $"{missing.Count} keys have no text in '{culture}': {string.Join(", ", missing)}");
    }

    /// Keys the code builds from a prefix, so that a search for literal keys cannot see them.
    private static IEnumerable<string> BuiltKeys()
    {
        foreach (var state in new[] { "ok", "differs", "unknown" })
            yield return "Panel.Reconcile." + state;
        foreach (var core in Enum.GetValues<IrmfCore>().Take(4))
        {
            yield return "Core.Name." + core;
            yield return "Core.Unit." + core;
        }
        foreach (var type in new[] { typeof(StepStatus), typeof(Severity), typeof(InvestmentCriterion), typeof(ReadinessStatus), typeof(Fund), typeof(Route), typeof(Language), typeof(StepGroup) })
        {
            foreach (var name in Enum.GetNames(type))
                yield return type == typeof(StepGroup) ? "Group." + name : $"Enum.{type.Name}.{name}";
        }
    }

    /// The prefixes above, and the one WizardKeys covers ("Ui.NoOptions." + a field path).
    private static readonly string[] KnownPrefixes = ["Panel.Reconcile.", "Ui.NoOptions."];

    [GeneratedRegex("\"((?:Ui|Check|Panel)\\.[A-Za-z0-9_.]*)\"?")]
    private static partial Regex KeyInCode();

    private static SortedSet<string> KeysNamedInTheCode()
    {
        var source = Path.Combine(Samples.RepositoryRoot, "src", "FinanceBuilder.Web");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match match in KeyInCode().Matches(File.ReadAllText(file)))
                keys.Add(match.Groups[1].Value);
        }
        return keys;
    }

    [Theory]
    [InlineData("")]
    [InlineData("fr")]
    public void EveryUiCheckAndPanelKeyNamedInTheCode_HasAText(string culture)
    {
        var named = KeysNamedInTheCode();
        var prefixes = named.Where(k => k.EndsWith('.')).ToList();
        var literal = named.Where(k => !k.EndsWith('.')).Concat(BuiltKeys()).ToList();

        Assert.True(literal.Count > 150, $"Only {literal.Count} keys found in src/: the search no longer reads the code.");
        Assert.Contains("Ui.SessionExpired", literal);
        Assert.Contains("Check.TooManyItems", literal);
        Assert.Contains("Panel.BudgetTotals", literal);
        Assert.True(prefixes.All(KnownPrefixes.Contains), $"The code builds keys from a prefix this test does not know: {string.Join(", ", prefixes.Except(KnownPrefixes))}");
        var missing = Missing(literal, culture);
        Assert.True(missing.Count == 0, $"{missing.Count} keys have no text in '{culture}': {string.Join(", ", missing)}");
    }

    [Fact]
    public void FrenchTexts_KeepTheirPlaceholders()
    {
        var english = Set("");
        var french = Set("fr");
        var problems = new List<string>();
        foreach (System.Collections.DictionaryEntry entry in english)
        {
            var key = (string)entry.Key;
            var placeholders = Placeholders((string)entry.Value!);
            if (french.GetString(key) is { } translated && !placeholders.SetEquals(Placeholders(translated)))
                problems.Add($"{key}: {{{string.Join("}{", placeholders)}}} in English, {{{string.Join("}{", Placeholders(translated))}}} in French");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    /// "Field.basics.title", "Enum.Focus.Mitigation", "Ui.Save"…: a key shown instead of its text.
    [GeneratedRegex(@"\b(?:Field|Step|Enum|Ui|Check|Panel|Legend|Hint|Item|Add|AddAnother|Group|Preset|Core|Guide)\.[A-Za-z]")]
    internal static partial Regex RawKey();

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task NoPage_ShowsAResourceKey_InEnglishOrFrench(string sample)
    {
        using var app = new AppFactory();
        using var english = new WizardBrowser(app);
        using var french = new WizardBrowser(app, "fr");
        var id = await english.SeedSampleAsync(sample);
        var (_, proposal) = await english.StoredAsync(id);
        var urls = StepCatalogue.For(proposal).Select(s => Urls.Step(id, s.Id))
            .Concat([Urls.TaskList(id), Urls.CheckAnswers(id), $"/proposals/{id}/delete", "/", "/proposals/new", "/proposals/import"]);
        var problems = new List<string>();

        foreach (var url in urls)
        {
            foreach (var browser in new[] { english, french })
            {
                var page = await browser.OpenAsync(url);
                foreach (var shown in ShownTexts(page.Document))
                {
                    if (RawKey().Match(shown) is { Success: true } match)
                        problems.Add($"{url} ({browser.Client.DefaultRequestHeaders.AcceptLanguage}): \"{Around(shown, match.Index)}\"");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// The text of every element, and the attributes a reader meets (labels, titles, the
    /// autosave script's messages).
    private static IEnumerable<string> ShownTexts(IDocument document)
    {
        yield return document.Title ?? "";
        yield return document.Body!.TextContent;
        foreach (var element in document.Body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name is "aria-label" or "title" or "placeholder" or "alt" || attribute.Name.StartsWith("data-", StringComparison.Ordinal))
                    yield return attribute.Value;
            }
        }
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 40), Math.Min(100, text.Length - Math.Max(0, index - 40))).ReplaceLineEndings(" ");
}
