using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Submissions;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Proposals;

/// Where a proposal stands, as the home list shows it: sections done, its submission status,
/// the readiness score donors see, and the GCF Board meeting it aims for.
/// <param name="SectionsDone">Pages completed, of <paramref name="Sections"/> (optional pages not counted), as on the task list.</param>
/// <param name="Readiness">0–100: the mean of the investment criteria's scores, the figure a submission records.</param>
/// <param name="LatestVersion">The last submitted version's number; null while nothing is submitted.</param>
public sealed record ProposalRow(int SectionsDone, int Sections, int? Readiness, int? LatestVersion, bool ReviewReleased, DateOnly? TargetBoardDate);

/// The home list's figures. Progress, readiness and the Board date are stored with each save
/// (ProposalColumns): computing them for every listed proposal on every view took 1.6–3 s for
/// 50 proposals on a busy 2-core machine, reading the columns 0.18 s (HomeListTests prints it;
/// docs/decisions/0010-home-list-columns.md). A row saved before the
/// columns existed is computed from its document here, once per view, until its next save.
public static class ProposalRows
{
    public static ProposalRow Compute(Proposal proposal, ValidationReport report)
    {
        var steps = StepProgress.All(proposal, report);
        return new ProposalRow(
            steps.Count(s => s.Status == StepStatus.Completed),
            steps.Count(s => s.Status != StepStatus.Optional),
            Readiness.Overall(report),
            null, false,
            proposal.Basics.TargetBoardDate);
    }

    public static async Task<IReadOnlyDictionary<Guid, ProposalRow>> ForAsync(
        FinanceBuilderDbContext db, ProposalValidation validation, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return new Dictionary<Guid, ProposalRow>();
        var stored = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.ListingSectionsDone, p.ListingSectionsTotal, p.ListingReadiness, p.ListingTargetBoardDate })
            .ToListAsync(ct);
        var versions = await db.Submissions.AsNoTracking().Where(s => ids.Contains(s.ProposalId))
            .GroupBy(s => s.ProposalId).Select(g => new { Id = g.Key, Latest = g.Max(s => s.Number) })
            .ToDictionaryAsync(x => x.Id, x => x.Latest, ct);
        // The query filter already hides reviews that are not released to this organisation.
        var reviewed = (await (from r in db.Reviews.AsNoTracking()
                               join s in db.Submissions.AsNoTracking() on r.SubmissionId equals s.Id
                               where ids.Contains(s.ProposalId) && r.ReleasedAt != null
                               select s.ProposalId).Distinct().ToListAsync(ct)).ToHashSet();

        var older = stored.Where(p => p.ListingSectionsTotal is null).Select(p => p.Id).ToList();
        var computed = older.Count == 0
            ? []
            : (await db.Proposals.AsNoTracking().Where(p => older.Contains(p.Id)).Select(p => new { p.Id, p.Document }).ToListAsync(ct))
                .ToDictionary(d => d.Id, d =>
                {
                    var proposal = JsonSerializer.Deserialize<Proposal>(d.Document, ProposalJson.Options)!;
                    return Compute(proposal, validation.Validate(proposal));
                });

        var rows = new Dictionary<Guid, ProposalRow>(stored.Count);
        foreach (var p in stored)
        {
            var row = computed.GetValueOrDefault(p.Id)
                ?? new ProposalRow(p.ListingSectionsDone ?? 0, p.ListingSectionsTotal ?? 0, p.ListingReadiness, null, false, p.ListingTargetBoardDate);
            rows[p.Id] = row with
            {
                LatestVersion = versions.TryGetValue(p.Id, out var latest) ? latest : null,
                ReviewReleased = reviewed.Contains(p.Id),
            };
        }
        return rows;
    }
}
