namespace FinanceBuilder.Templates.Pdf.Fonts;

/// <summary>
/// The fonts installed on this machine, by family (design D5). Scanned once per process: font
/// folders do not change while the app runs, and reading every file's name table takes a moment.
/// </summary>
internal static class SystemFonts
{
    /// <summary>The environment variable naming an extra font folder.</summary>
    public const string FolderVariable = "FINANCEBUILDER_FONTS";

    private static readonly Lazy<Dictionary<string, IReadOnlyList<FontFile>>> Families = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The faces of <paramref name="family"/> (case-insensitive), or none.</summary>
    public static IReadOnlyList<FontFile> Faces(string family) =>
        Families.Value.TryGetValue(family, out var faces) ? faces : [];

    /// <summary>The face closest to the style asked for: exact, else the regular face, else any.</summary>
    public static FontFile? Face(string family, bool bold, bool italic)
    {
        var faces = Faces(family);
        return faces.FirstOrDefault(f => f.Bold == bold && f.Italic == italic)
            ?? faces.FirstOrDefault(f => !f.Bold && !f.Italic)
            ?? (faces.Count > 0 ? faces[0] : null);
    }

    /// <summary>The folders searched, in order; missing ones are skipped.</summary>
    internal static IEnumerable<string> Folders()
    {
        var extra = Environment.GetEnvironmentVariable(FolderVariable);
        if (!string.IsNullOrWhiteSpace(extra))
            yield return extra;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return "/usr/share/fonts";
        yield return "/usr/local/share/fonts";
        if (home.Length > 0)
        {
            yield return Path.Combine(home, ".fonts");
            yield return Path.Combine(home, ".local", "share", "fonts");
            yield return Path.Combine(home, "Library", "Fonts");
        }
        yield return "/Library/Fonts";
        yield return "/System/Library/Fonts";
        var windows = Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
        if (windows.Length > 0)
            yield return windows;
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (local.Length > 0 && OperatingSystem.IsWindows())
            yield return Path.Combine(local, "Microsoft", "Windows", "Fonts");
    }

    private static Dictionary<string, IReadOnlyList<FontFile>> Scan()
    {
        var families = new Dictionary<string, List<FontFile>>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Folders().Where(Directory.Exists))
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.System }).ToList();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var path in files)
            {
                if (!(path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)) || !seen.Add(path))
                    continue;
                var font = FontFile.Read(path);
                if (font is null)
                    continue;
                if (!families.TryGetValue(font.Family, out var faces))
                    families[font.Family] = faces = [];
                // The first folder wins for a face (the extra folder overrides the system).
                if (!faces.Any(f => f.Bold == font.Bold && f.Italic == font.Italic))
                    faces.Add(font);
            }
        }
        return families.ToDictionary(p => p.Key, p => (IReadOnlyList<FontFile>)p.Value, StringComparer.OrdinalIgnoreCase);
    }
}
