using System.Collections.Concurrent;
using FinanceBuilder.Templates.Pdf.Fonts;
using PdfSharp.Fonts;

namespace FinanceBuilder.Templates.Pdf;

/// <summary>
/// Gives PDFsharp the fonts installed on the system (design D5): no font file is committed, so
/// the families of the theme are looked up in the usual font folders and in the folder named by
/// the <c>FINANCEBUILDER_FONTS</c> environment variable.
/// </summary>
internal sealed class FontResolver : IFontResolver
{
    private static readonly Lock InstallLock = new();
    private static readonly ConcurrentDictionary<string, byte[]> FontBytes = new(StringComparer.Ordinal);

    private FontResolver()
    {
    }

    /// <summary>
    /// Makes PDFsharp use this resolver. PDFsharp keeps one resolver per process and refuses a
    /// second assignment, so concurrent renders install it once under a lock.
    /// </summary>
    public static void Install()
    {
        if (GlobalFontSettings.FontResolver is FontResolver)
            return;
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = new FontResolver();
        }
    }

    /// <summary>
    /// The first of <paramref name="families"/> installed on this machine; throws with the
    /// package to install when none is.
    /// </summary>
    public static string FindFamily(IReadOnlyList<string> families)
    {
        foreach (var family in families)
        {
            var faces = SystemFonts.Faces(family);
            if (faces.Count > 0)
                return faces[0].Family;
        }
        throw new InvalidOperationException(
            $"No font of the families {string.Join(", ", families)} was found in the system font folders or in ${SystemFonts.FolderVariable}. "
            + "Install one, for example `apt-get install fonts-dejavu-core` or `apt-get install fonts-liberation` on Debian/Ubuntu, "
            + $"or put .ttf files in a folder and set {SystemFonts.FolderVariable} to it.");
    }

    /// <summary>The installed families among <paramref name="families"/>, in order.</summary>
    public static IReadOnlyList<string> InstalledFamilies(IEnumerable<string> families) =>
        families.Select(f => SystemFonts.Faces(f)).Where(f => f.Count > 0).Select(f => f[0].Family).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Finds the face file of a family and style; simulates bold or italic when the family lacks that face.</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = SystemFonts.Face(familyName, bold, italic);
        if (face is null)
            return null;
        return new FontResolverInfo(face.Path, bold && !face.Bold, italic && !face.Italic);
    }

    /// <summary>The bytes of a face file named by <see cref="ResolveTypeface"/> (its path).</summary>
    public byte[]? GetFont(string faceName)
    {
        try
        {
            return FontBytes.GetOrAdd(faceName, File.ReadAllBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
