using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Proposals.Json;

namespace FinanceBuilder.Web.Features.Review;

/// A submitted version's frozen snapshot drawn as HTML with the pack of its type of application,
/// as the applicant's preview draws a draft (same templates, no scripts, no images: the page
/// keeps the strict CSP). One parse and one rule run; null when the pack cannot draw it.
public sealed class SubmittedDocument(TemplatePacks packs, ProposalReader reader, Rules.ProposalValidation validation, DocumentPictures pictures, ILogger<SubmittedDocument> logger)
{
    public sealed record Drawn(string Html, string Language);

    public async Task<Drawn?> DrawAsync(SubmissionRecord submission, CancellationToken ct)
    {
        var read = reader.Read(Encoding.UTF8.GetBytes(submission.Document), CultureInfo.CurrentUICulture);
        if (!read.Succeeded || packs.PackFor(read.Proposal!.Target.Route) is not { } packId || !packs.Packs.TryGetValue(packId, out var pack))
            return null;
        var language = Documents.Packages.DocumentLanguages.DefaultFor(read.Proposal.Language, pack);
        var html = PreviewPage.RenderHtml(pack, read.Proposal, language, validation.Validate(read.Proposal, TemplatePacks.RouteOf(pack)), logger, await pictures.LoadAsync(read.Proposal, ct));
        return html is null ? null : new Drawn(html, language);
    }
}
