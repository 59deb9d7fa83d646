using System.Collections.Concurrent;
using System.Text.Json;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// Loads the packs of templates/ once and renders a proposal through the mapper, as the app does.
internal static class PackTestKit
{
    public static readonly string[] SampleNames =
    [
        "mitigation-tamale-solar-led.json",
        "adaptation-cotonou-drainage-fr.json",
        "crosscutting-cuenca-watershed-bus.json",
    ];

    private static readonly ConcurrentDictionary<string, TemplatePack> Packs = new(StringComparer.Ordinal);

    public static TemplatePack Pack(string id) => Packs.GetOrAdd(id, i => PackLoader.Load(PackFolder(i)));

    public static string PackFolder(string id)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "templates", id);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"templates/{id}");
    }

    public static Proposal Sample(string name, Language language)
    {
        var proposal = JsonSerializer.Deserialize<Proposal>(Samples.ReadText(name), ProposalJson.Options)!;
        proposal.Language = language;
        return proposal;
    }

    /// The whole document's Markdown, page breaks included, as TemplatePack.RenderMarkdown writes it.
    /// Checked for the pack's own route, as a package is.
    public static string Render(string pack, Proposal proposal)
    {
        var templates = Pack(pack);
        var report = Validation.ValidateBeforeLayout(proposal, TemplatePacks.RouteOf(templates) ?? Route.FundingProposal);
        return templates.RenderMarkdown(DocumentModel.For(proposal, report), proposal.Language.ToString().ToLowerInvariant());
    }

    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// The document as a package draws it (unanswered questions resolved).
    public static ContentDocument Read(string pack, Proposal proposal)
    {
        var templates = Pack(pack);
        var report = Validation.ValidateBeforeLayout(proposal, TemplatePacks.RouteOf(templates) ?? Route.FundingProposal);
        return DocumentModel.Document(templates, proposal, report, proposal.Language.ToString().ToLowerInvariant());
    }

    public static string Text(IEnumerable<TextRun> runs) => string.Concat(runs.Select(r => r.Text));

    public static List<string> Headings(ContentDocument document, int level) =>
        document.Blocks.OfType<Heading>().Where(h => h.Level == level).Select(h => Text(h.Runs)).ToList();

    public static List<string> HeaderCells(Table table) => table.Rows[0].Select(c => Text(c).Trim()).ToList();

    /// The first table whose header row starts with these cells.
    public static Table TableStartingWith(ContentDocument document, params string[] header) =>
        document.Blocks.OfType<Table>().FirstOrDefault(t => HeaderCells(t).Take(header.Length).SequenceEqual(header))
        ?? throw new Xunit.Sdk.XunitException($"No table with header {string.Join(" | ", header)}; tables: {string.Join("; ", document.Blocks.OfType<Table>().Select(t => string.Join(" | ", HeaderCells(t))))}");

    /// All text of the document's tables, cell by cell.
    public static string TableText(ContentDocument document) =>
        string.Concat(document.Blocks.OfType<Table>().SelectMany(t => t.Rows).SelectMany(r => r).Select(c => Text(c) + " | "));
}
