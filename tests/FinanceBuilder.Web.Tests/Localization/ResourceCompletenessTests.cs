using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FinanceBuilder.Web.Tests.Localization;

/// Every text of every feature exists in French too, with the same placeholders: a page never
/// shows a key or an English sentence to a French reader, and a format never throws.
public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<string> EnglishFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceFolder(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".fr.resx", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(SourceFolder(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishFiles))]
    public void EveryKey_HasItsFrenchText_WithTheSamePlaceholders(string file)
    {
        var english = Read(Path.Combine(SourceFolder(), file));
        var french = Read(Path.Combine(SourceFolder(), file[..^".resx".Length] + ".fr.resx"));

        var missing = english.Keys.Where(k => !french.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        var placeholders = english.Where(e => french.TryGetValue(e.Key, out var fr) && !Placeholders(e.Value).SetEquals(Placeholders(fr))).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, $"{file}: no French for {string.Join(", ", missing)}");
        Assert.True(placeholders.Count == 0, $"{file}: placeholders differ for {string.Join(", ", placeholders)}");
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "FinanceBuilder.Web");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/FinanceBuilder.Web not found above " + AppContext.BaseDirectory);
    }
}
