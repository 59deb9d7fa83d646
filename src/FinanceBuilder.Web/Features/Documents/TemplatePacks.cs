using FinanceBuilder.Templates.Packs;
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
    public TemplatePacks(IConfiguration configuration, ILogger<TemplatePacks> logger)
    {
        var folder = configuration["FinanceBuilder:TemplatesDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "templates");
        var packs = new Dictionary<string, TemplatePack>(StringComparer.Ordinal);
        var problems = new List<PackException>();
        if (Directory.Exists(folder))
        {
            foreach (var packFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                try
                {
                    var pack = PackLoader.Load(packFolder);
                    if (pack.Manifest.Route is { } route && !RouteNames.TryParse(route, out _))
                    {
                        logger.LogError("{Folder}/manifest.json: route \"{Route}\" is not a type of application ({Allowed}); the pack is not offered", packFolder, route, RouteNames.Allowed);
                        continue;
                    }
                    packs[pack.Manifest.Id] = pack;
                }
                catch (PackException e)
                {
                    problems.Add(e);
                    logger.LogError("{Problem}", e.Message);
                }
            }
        }
        logger.LogInformation("Template packs loaded from {Folder}: {Packs}", folder, string.Join(", ", packs.Keys));
        Packs = packs;
        Problems = problems;
    }

    public IReadOnlyDictionary<string, TemplatePack> Packs { get; }

    /// The type of application a pack writes (its manifest's route), null when it names none.
    public static Route? RouteOf(TemplatePack pack) =>
        pack.Manifest.Route is { } name && RouteNames.TryParse(name, out var route) ? route : null;

    /// The pack that writes a type of application (a funding proposal when none is chosen), else the
    /// first pack.
    public string? PackFor(Route? route) =>
        Packs.Values.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal).FirstOrDefault(p => RouteOf(p) == (route ?? Route.FundingProposal))?.Manifest.Id
        ?? Packs.Keys.Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The packs that could not be loaded, with their problems.</summary>
    public IReadOnlyList<PackException> Problems { get; }
}
