using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Proposals.Model;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Catalogue;

/// The consultation a published action shows: when the organisation ticked "show on the
/// catalogue" on the proposal's public consultation page, its summary for residents (in the
/// action's language, else the other), period and address, with the number of consultations held,
/// of people who took part (from five up) and of comments published. Filled when the action is
/// previewed and published, like its progress (ActionProgress): the preview shows exactly this.
/// The action's participation level is refreshed here too from the records' highest level, when
/// they hold a consultation: drafting copied the level of that day, and a concertation held since
/// would otherwise never reach the catalogue. The level is no personal data and needs no consent.
public static class ActionParticipation
{
    public static async Task FillAsync(FinanceBuilderDbContext db, Guid? proposalId, CatalogueAction action, CancellationToken ct)
    {
        action.Consultation = null;
        if (proposalId is null)
            return;
        var evidence = EngagementEvidence.Read(await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId).Select(p => p.Engagement).FirstOrDefaultAsync(ct));
        if (evidence.Level is { } level)
            action.Participation = level;
        var page = await db.PublicConsultations.AsNoTracking().FirstOrDefaultAsync(p => p.ProposalId == proposalId && p.ShowInCatalogue, ct);
        if (page is null)
            return;
        var people = evidence.Consultations.Sum(c => c.Total);
        action.Consultation = new ActionConsultation
        {
            Summary = action.Language == Language.Fr ? page.SummaryFr ?? page.SummaryEn : page.SummaryEn ?? page.SummaryFr,
            PageUrl = $"/consult/{page.Id}",
            OpensOn = page.OpensOn,
            ClosesOn = page.ClosesOn,
            ConsultationsHeld = evidence.Consultations.Count,
            Participants = SmallCounts.Each([people])[0] is { } shown && shown > 0 ? shown : null,
            CommentsPublished = evidence.FromPublicPage,
        };
    }
}
