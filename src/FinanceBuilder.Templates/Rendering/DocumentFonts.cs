using FinanceBuilder.Templates.Pdf.Fonts;

namespace FinanceBuilder.Templates.Rendering;

/// <summary>
/// Which of the theme's fonts this machine has: the main family the documents are set in and the
/// fallbacks for characters it lacks. The app names them in its start log, so whoever runs it
/// knows why a document paginates as it does or why a symbol shows as "□".
/// </summary>
/// <param name="Main">The first installed family of <see cref="DocumentTheme.FontFamilies"/>, or null.</param>
/// <param name="Fallbacks">The installed fallback families, in the order they are tried.</param>
/// <param name="Missing">The families of the theme that are not installed.</param>
public sealed record DocumentFonts(string? Main, IReadOnlyList<string> Fallbacks, IReadOnlyList<string> Missing)
{
    /// <summary>The fonts of <paramref name="theme"/> found on this machine.</summary>
    public static DocumentFonts Of(DocumentTheme theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        string? Installed(string family) => SystemFonts.Faces(family) is { Count: > 0 } faces ? faces[0].Family : null;
        var main = theme.FontFamilies.Select(Installed).FirstOrDefault(f => f is not null);
        var fallbacks = theme.FallbackFamilies.Select(Installed).OfType<string>().Where(f => !string.Equals(f, main, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var missing = theme.FontFamilies.Concat(theme.FallbackFamilies).Distinct(StringComparer.OrdinalIgnoreCase).Where(f => Installed(f) is null).ToList();
        return new DocumentFonts(main, fallbacks, missing);
    }
}
