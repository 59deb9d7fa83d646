using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace FinanceBuilder.Web.Localization;

/// The texts of a .resx pair, read once per language into a frozen table. ResourceManager takes
/// a lock on every lookup, and a wizard page looks up thousands of labels: under load the
/// requests queued on that lock (bench/RESULTS.md, issue 12). The answers are ResourceManager's:
/// the language's own text, else its parent language's, else the neutral (English) one.
public sealed class ResourceTexts(string baseName, Assembly assembly)
{
    private readonly ResourceManager manager = new(baseName, assembly);
    private readonly ConcurrentDictionary<CultureInfo, FrozenDictionary<string, string>> byCulture = new();

    /// The text, or null when no language on the way to the neutral one has it.
    public string? GetString(string key, CultureInfo culture) => byCulture.GetOrAdd(culture, Load).GetValueOrDefault(key);

    /// One language's own texts, without its parents' (for the completeness checks).
    public ResourceSet? GetResourceSet(CultureInfo culture, bool createIfNotExists, bool tryParents) =>
        manager.GetResourceSet(culture, createIfNotExists, tryParents);

    private FrozenDictionary<string, string> Load(CultureInfo culture)
    {
        var chain = new List<CultureInfo>();
        for (var c = culture; ; c = c.Parent)
        {
            chain.Add(c);
            if (c.Equals(CultureInfo.InvariantCulture))
                break;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        // From the neutral texts to the language's own: the nearer language wins.
        foreach (var c in Enumerable.Reverse(chain))
        {
            if (manager.GetResourceSet(c, createIfNotExists: true, tryParents: false) is not { } set)
                continue;
            foreach (DictionaryEntry entry in set)
                if (entry.Value is string text)
                    texts[(string)entry.Key] = text;
        }
        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
