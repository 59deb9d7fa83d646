using System.Collections.Concurrent;
using SkiaSharp;

namespace FinanceBuilder.Templates.Charts;

/// <summary>
/// Finds typefaces for chart images. The Linux build of SkiaSharp we ship
/// (NativeAssets.Linux.NoDependencies) has no fontconfig: its font manager knows no family at
/// all and its default typeface has no glyphs, so a chart would have no text. When the font
/// manager comes back empty, the usual font folders are read once per process and families are
/// matched by the names in the files. Typefaces are immutable and shared between threads.
/// </summary>
public static class SkiaFonts
{
    private static readonly Lazy<List<SKTypeface>> Installed = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<(string Family, bool Bold), SKTypeface?> Families = new();
    private static readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> Characters = new();

    /// <summary>The typeface of that family (bold or regular, upright), or null if the system lacks it.</summary>
    public static SKTypeface? Family(string family, bool bold) =>
        Families.GetOrAdd((family, bold), static key =>
        {
            var style = key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal;
            var face = SKFontManager.Default.MatchFamily(key.Family, style);
            if (face is not null && face.GlyphCount > 0)
                return face;
            return Installed.Value
                .Where(f => string.Equals(f.FamilyName, key.Family, StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f.FontStyle.Slant == SKFontStyleSlant.Upright ? 0 : 1)
                .ThenBy(f => Math.Abs(f.FontStyle.Weight - style.Weight))
                .ThenBy(f => Math.Abs(f.FontStyle.Width - (int)SKFontStyleWidth.Normal))
                .FirstOrDefault();
        });

    /// <summary>
    /// A typeface that has the character: the first of <paramref name="preferred"/> families that
    /// has it, else whatever the system has (an Arabic, Hebrew or emoji font), else null.
    /// </summary>
    public static SKTypeface? ForCharacter(int codePoint, bool bold, IReadOnlyList<string> preferred) =>
        // Keyed by character only: every theme today lists the same fallback families.
        Characters.GetOrAdd((codePoint, bold), static (key, families) =>
        {
            using var probe = new SKFont();
            foreach (var family in families)
            {
                var face = Family(family, key.Bold);
                if (face is null)
                    continue;
                probe.Typeface = face;
                if (probe.ContainsGlyph(key.CodePoint))
                    return face;
            }
            var style = key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal;
            var match = SKFontManager.Default.MatchCharacter(null, style.Weight, style.Width, style.Slant, null, key.CodePoint);
            if (match is not null && match.GlyphCount > 0)
                return match;
            foreach (var face in Installed.Value)
            {
                probe.Typeface = face;
                if (probe.ContainsGlyph(key.CodePoint))
                    return face;
            }
            return null;
        }, preferred);

    /// <summary>Every font file in the usual folders, in a stable order (so renders are repeatable).</summary>
    private static List<SKTypeface> Scan()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] folders =
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(home, ".local/share/fonts"),
            Path.Combine(home, ".fonts"),
            "/Library/Fonts",
            "/System/Library/Fonts",
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            if (folder.Length == 0 || !Directory.Exists(folder))
                continue;
            try
            {
                foreach (var file in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
                {
                    if (file.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase))
                        files.Add(file);
                }
            }
            catch (IOException)
            {
                // A folder that vanished or cannot be read: the others still count.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        var faces = new List<SKTypeface>(files.Count);
        foreach (var file in files)
        {
            var face = SKTypeface.FromFile(file);
            if (face is not null && face.GlyphCount > 0)
                faces.Add(face);
        }
        return faces;
    }
}
