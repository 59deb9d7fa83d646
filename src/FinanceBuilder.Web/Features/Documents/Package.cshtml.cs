using System.Globalization;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Documents;

/// "Generate the funding package": choose the funder's template and the language, then download
/// the zip or one of its files. A proposal with errors can be generated as a draft (the page
/// says so before the download). Razor Pages checks the antiforgery token of the post.
[FinanceBuilder.Web.Features.Accounts.ReadersMayPost]
public sealed class PackagePage(IMediator mediator, TemplatePacks packs, PackageBuilder builder, ProposalReader reader, ProposalValidation validation,
    Data.FinanceBuilderDbContext db, Storage.ContentStore contents, DocumentPictures pictures, TimeProvider clock) : PageModel
{
    public static readonly string[] FileKinds = [GeneratedPackage.ZipKind, "pdf", "docx", "xlsx"];

    public ProposalSummary Summary { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public CultureInfo Culture => CultureInfo.CurrentUICulture;
    /// Each pack with its languages, the funder's limits and the errors the proposal has against
    /// that type of application (a pack with errors gives a draft).
    public IReadOnlyList<(string Id, string Name, IReadOnlyList<string> Languages, int? Pages, int? Words, int Errors)> Packs { get; private set; } = [];
    public string PackChoice { get; private set; } = "";
    public string LanguageChoice { get; private set; } = "";

    /// The language the answers are written in: the documents never translate them.
    public FinanceBuilder.Web.Proposals.Model.Language TextLanguage { get; private set; }
    /// False when no pack writes the answers' language (Spanish today): the page says which it uses.
    public bool WritesTextLanguage { get; private set; } = true;
    public int Errors { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? template, string? lang, CancellationToken ct) =>
        await LoadAsync(id, template, lang, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string? template, string? lang, string? file, CancellationToken ct)
    {
        var found = await LoadAsync(id, template, lang, ct);
        if (found is null)
            return NotFound();
        var engagement = await EngagementRecords.LoadAsync(db, id, withInputs: true, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var (package, problem) = await builder.BuildAsync(found.Document, PackChoice, LanguageChoice, Culture, ct, pictures, engagement);
        if (package?.File(file ?? GeneratedPackage.ZipKind) is { } download && FileKinds.Contains(download.Kind))
        {
            return download.Kind == GeneratedPackage.ZipKind && package.Annexes.Count > 0
                ? await PackageDownload.OfProposalAsync(package, id, db, contents, ct)
                : File(download.Content, download.ContentType, download.Name);
        }
        Response.StatusCode = problem?.Status ?? StatusCodes.Status400BadRequest;
        Problem = problem?.Message ?? ProposalText.Get("Package.UnknownFile", Culture);
        return Page();
    }

    private async Task<GetProposal.Result?> LoadAsync(Guid id, string? template, string? lang, CancellationToken ct)
    {
        var found = await mediator.Send(new GetProposal.Query(id), ct);
        if (found is null)
            return null;
        var read = reader.Read(System.Text.Encoding.UTF8.GetBytes(found.Document), Culture);
        if (read.Proposal is not { } proposal)
            return null;
        Summary = found.Summary;
        Title = proposal.Basics.Title ?? ProposalText.Get("Ui.Untitled", Culture);
        var ui = Culture.TwoLetterISOLanguageName;
        Packs = packs.Packs.Values
            .Where(p => p.Sections.Count > 0)
            .OrderBy(p => p.Manifest.Id == packs.PackFor(proposal.Target.Route) ? 0 : 1).ThenBy(p => p.Manifest.Id, StringComparer.Ordinal)
            .Select(p => (p.Manifest.Id, p.Manifest.NameIn(ui), (IReadOnlyList<string>)p.Sections.Keys.Order(StringComparer.Ordinal).ToList(), Limits(proposal, p)?.Pages, Limits(proposal, p)?.Words,
                validation.Validate(proposal, TemplatePacks.RouteOf(p)).Findings.Count(f => f.Severity == Severity.Error)))
            .ToList();
        // The pack of the proposal's type of application and the proposal's own language by default.
        PackChoice = template is not null && packs.Packs.ContainsKey(template) ? template : Packs.Count > 0 ? Packs[0].Id : "";
        TextLanguage = proposal.Language;
        // The answers' language when the chosen pack writes it, else English (DocumentLanguages).
        var chosen = Packs.FirstOrDefault(p => p.Id == PackChoice).Languages ?? [];
        LanguageChoice = lang is not null && Packs.Any(p => p.Languages.Contains(lang)) ? lang : DocumentLanguages.DefaultFor(proposal.Language, chosen);
        WritesTextLanguage = DocumentLanguages.Writes(proposal.Language, packs);
        Errors = Packs.FirstOrDefault(p => p.Id == PackChoice).Errors;
        return found;
    }

    /// The length limits the rules apply to the pack's document; none for a pack the rules do not cover.
    private DocumentLimits? Limits(Proposal proposal, TemplatePack pack) =>
        TemplatePacks.RouteOf(pack) is { } route ? validation.Limits(proposal, route) : null;
}
