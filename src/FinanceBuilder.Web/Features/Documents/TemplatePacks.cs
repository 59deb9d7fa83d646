using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents;

/// <summary>
/// The template packs of <c>templates/</c>, loaded and checked once when the app starts: a broken
/// pack is reported in the log with every file, line and reason, and is not offered to users,
/// so a problem never surfaces at someone's download.
/// </summary>
public sealed class TemplatePacks
{
    private readonly string folder;
    private readonly ILogger<TemplatePacks> logger;
    private readonly Lock reloading = new();
    private Snapshot current;

    /// What one load found: the usable packs and, for the others, why not (file, line, reason).
    private sealed record Snapshot(IReadOnlyDictionary<string, TemplatePack> Packs, IReadOnlyDictionary<string, TemplatePack> ReportPacks, IReadOnlyList<string> Problems);

    public TemplatePacks(Microsoft.Extensions.Options.IOptions<Configuration.FinanceBuilderOptions> settings, ILogger<TemplatePacks> logger)
    {
        this.logger = logger;
        folder = settings.Value.TemplatesFolder;
        current = Load();
    }

    public IReadOnlyDictionary<string, TemplatePack> Packs => current.Packs;

    /// <summary>The packs of annual performance reports (manifest subject "annualReport"): drawn
    /// from a reporting round, never offered for a proposal.</summary>
    public IReadOnlyDictionary<string, TemplatePack> ReportPacks => current.ReportPacks;

    /// <summary>The packs that could not be loaded: one message each, with file, line and reason.</summary>
    public IReadOnlyList<string> Problems => current.Problems;

    /// <summary>
    /// Reads templates/ again, as at start, so that a platform administrator puts a changed pack
    /// into service without restarting: the packs that load are offered from the next request
    /// on, the broken ones are not (each with its problems), and documents being generated keep
    /// the pack they started with.
    /// </summary>
    public IReadOnlyList<string> Reload()
    {
        lock (reloading)
            current = Load();
        return current.Problems;
    }

    private Snapshot Load()
    {
        var packs = new Dictionary<string, TemplatePack>(StringComparer.Ordinal);
        var reportPacks = new Dictionary<string, TemplatePack>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (Directory.Exists(folder))
        {
            foreach (var packFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                try
                {
                    var pack = PackLoader.Load(packFolder);
                    if (pack.Manifest.Route is { } route && !RouteNames.TryParse(route, out _))
                    {
                        problems.Add($"{packFolder}/manifest.json: route \"{route}\" is not a type of application ({RouteNames.Allowed}); the pack is not offered");
                        logger.LogError("{Problem}", problems[^1]);
                        continue;
                    }
                    if (pack.Manifest.Subject == PackManifest.AnnualReport)
                        reportPacks[pack.Manifest.Id] = pack;
                    else
                        packs[pack.Manifest.Id] = pack;
                }
                catch (PackException e)
                {
                    problems.Add(e.Message);
                    logger.LogError("{Problem}", e.Message);
                }
            }
        }
        logger.LogInformation("Template packs loaded from {Folder}: {Packs}", folder, string.Join(", ", packs.Keys.Concat(reportPacks.Keys)));
        LogFonts();
        return new Snapshot(packs, reportPacks, problems);
    }

    /// The type of application a pack writes (its manifest's route), null when it names none.
    public static Route? RouteOf(TemplatePack pack) =>
        pack.Manifest.Route is { } name && RouteNames.TryParse(name, out var route) ? route : null;

    /// The pack that writes a type of application (a funding proposal when none is chosen), else the
    /// first pack.
    /// Whether some pack writes the documents of <paramref name="route"/>.
    public bool Writes(Route route) => Packs.Values.Any(p => RouteOf(p) == route);

    public string? PackFor(Route? route) =>
        Packs.Values.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal).FirstOrDefault(p => RouteOf(p) == (route ?? Route.FundingProposal))?.Manifest.Id
        ?? Packs.Keys.Order(StringComparer.Ordinal).FirstOrDefault();

    /// The fonts the documents will be set in on this machine, named once at start.
    private void LogFonts()
    {
        var fonts = FinanceBuilder.Templates.Rendering.DocumentFonts.Of(FinanceBuilder.Templates.Rendering.DocumentTheme.Default);
        if (fonts.Main is null)
            logger.LogWarning("No document font is installed ({Missing}): packages cannot be generated until one is (apt-get install fonts-liberation).", string.Join(", ", fonts.Missing));
        else
            logger.LogInformation("Document fonts: {Main}; for characters it lacks: {Fallbacks}; not installed: {Missing}",
                fonts.Main, fonts.Fallbacks.Count > 0 ? string.Join(", ", fonts.Fallbacks) : "none", fonts.Missing.Count > 0 ? string.Join(", ", fonts.Missing) : "none");
    }
}
