using System.Text.Json;
using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Scripting;

namespace FinanceBuilder.Templates.Packs;

/// <summary>A loaded pack: its manifest and every section template, parsed, per language.</summary>
public sealed class TemplatePack
{
    internal TemplatePack(PackManifest manifest, IReadOnlyDictionary<string, IReadOnlyList<SafeTemplate>> sections)
    {
        Manifest = manifest;
        Sections = sections;
    }

    /// <summary>The pack's manifest.</summary>
    public PackManifest Manifest { get; }

    /// <summary>The section templates per language, in the manifest's order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SafeTemplate>> Sections { get; }

    /// <summary>
    /// The whole document's Markdown in <paramref name="language"/>: every section in the
    /// manifest's order, a page break before those that start on a new page.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The pack is not written in that language.</exception>
    /// <exception cref="TemplateException">A section failed to render (too long, too slow).</exception>
    public string RenderMarkdown(IReadOnlyDictionary<string, object?> model, string language)
    {
        var templates = Sections[language];
        var markdown = new System.Text.StringBuilder();
        for (var i = 0; i < templates.Count; i++)
        {
            if (i > 0)
                markdown.Append(Manifest.Sections[i].NewPage ? "\n\n::: pagebreak\n:::\n\n" : "\n\n");
            markdown.Append(templates[i].Render(model));
        }
        return markdown.ToString();
    }
}

/// <summary>
/// Loads a pack from its folder and checks all of it at once, so that a broken pack is reported
/// when it is loaded — with the file, the line and the reason of every problem — and never at a
/// user's download. A pack reads nothing outside its own folder.
/// </summary>
public static partial class PackLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Loads the pack in <paramref name="folder"/>.</summary>
    /// <exception cref="PackException">The pack has problems; each is listed.</exception>
    public static TemplatePack Load(string folder)
    {
        var problems = new List<TemplateException>();
        var manifestFile = Path.Combine(folder, "manifest.json");
        var manifest = ReadManifest(manifestFile, problems);
        if (manifest is null)
            throw new PackException(folder, problems);

        if (manifest.Id != Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)))
            problems.Add(new TemplateException(manifestFile, 0, $"the id \"{manifest.Id}\" is not the folder's name"));
        if (manifest.Languages.Count == 0)
            problems.Add(new TemplateException(manifestFile, 0, "no language is listed"));
        foreach (var duplicate in manifest.Sections.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            problems.Add(new TemplateException(manifestFile, 0, $"the section id \"{duplicate.Key}\" is used twice"));

        var sections = new Dictionary<string, IReadOnlyList<SafeTemplate>>(StringComparer.Ordinal);
        foreach (var language in manifest.Languages)
        {
            if (!SafeName().IsMatch(language))
            {
                problems.Add(new TemplateException(manifestFile, 0, $"\"{language}\" is not a language code"));
                continue;
            }
            var templates = new List<SafeTemplate>();
            foreach (var section in manifest.Sections)
            {
                var file = Path.Combine(folder, language, section.File);
                // Only plain file names: a pack never reaches outside its folder ("../", "/etc").
                if (!SafeFileName().IsMatch(section.File))
                {
                    problems.Add(new TemplateException(manifestFile, 0, $"section \"{section.Id}\": \"{section.File}\" is not a plain file name"));
                    continue;
                }
                if (!File.Exists(file))
                {
                    problems.Add(new TemplateException(file, 0, $"section \"{section.Id}\" has no {language} template"));
                    continue;
                }
                try
                {
                    templates.Add(SafeTemplate.Parse(File.ReadAllText(file), file));
                }
                catch (TemplateException e)
                {
                    problems.Add(e);
                }
            }
            sections[language] = templates;
        }
        if (problems.Count > 0)
            throw new PackException(folder, problems);
        return new TemplatePack(manifest, sections);
    }

    private static PackManifest? ReadManifest(string file, List<TemplateException> problems)
    {
        if (!File.Exists(file))
        {
            problems.Add(new TemplateException(file, 0, "the pack has no manifest.json"));
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<PackManifest>(File.ReadAllText(file), Options)
                ?? throw new JsonException("the manifest is empty");
        }
        catch (JsonException e)
        {
            problems.Add(new TemplateException(file, (int)(e.LineNumber ?? -1) + 1, e.Message));
            return null;
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\.scriban$")]
    private static partial Regex SafeFileName();
}

/// <summary>A pack that cannot be used, with every problem found in it.</summary>
public sealed class PackException(string folder, IReadOnlyList<TemplateException> problems)
    : Exception($"Template pack {folder} cannot be used:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p.Message)))
{
    /// <summary>Each problem: file, line and reason.</summary>
    public IReadOnlyList<TemplateException> Problems { get; } = problems;
}
