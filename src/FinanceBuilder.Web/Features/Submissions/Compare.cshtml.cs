using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Collaboration;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// What changed between two submitted versions, or between a version and the current draft,
/// section by section (what reviewers of a resubmission ask for first).
public sealed class ComparePage(FinanceBuilderDbContext db) : PageModel
{
    public const string Draft = "draft";

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    /// The versions to choose from (number, label), oldest first.
    public IReadOnlyList<(int Number, string Label)> Versions { get; private set; } = [];
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public IReadOnlyList<ProposalDiff.SectionChanges> Sections { get; private set; } = [];
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct)
    {
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Title, p.Document }).FirstOrDefaultAsync(ct);
        if (proposal is null)
            return NotFound();
        Id = id;
        Title = proposal.Title is { Length: > 0 } t ? t : ProposalText.Get("Ui.Untitled", Culture);
        Versions = (await db.Submissions.AsNoTracking().Where(s => s.ProposalId == id).OrderBy(s => s.Number).Select(s => s.Number).ToListAsync(ct))
            .Select(n => (n, SubmissionRecord.FormatVersion(n))).ToList();
        if (Versions.Count == 0)
            return Page(); // nothing submitted yet: the page says so
        // By default: the last version against the draft (what changed since we submitted).
        From = from ?? Versions[^1].Number.ToString(CultureInfo.InvariantCulture);
        To = to ?? Draft;
        var before = await DocumentAsync(id, From, proposal.Document, ct);
        var after = await DocumentAsync(id, To, proposal.Document, ct);
        if (before is null || after is null)
            return NotFound();
        // The version number is set in each snapshot and named in the heading already;
        // as a "change" it would only repeat V.001 → V.002.
        Sections = ProposalDiff.Compare(before, after)
            .Select(s => s with { Changes = s.Changes.Where(c => c.Path != "basics.versionNumber").ToList() })
            .Where(s => s.Changes.Count > 0)
            .ToList();
        return Page();
    }

    public string Label(string choice) =>
        choice == Draft ? SubmissionText.Texts["Compare.Draft"] : SubmissionRecord.FormatVersion(int.Parse(choice, CultureInfo.InvariantCulture));

    private async Task<string?> DocumentAsync(Guid id, string choice, string draft, CancellationToken ct)
    {
        if (choice == Draft)
            return draft;
        if (!int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;
        return await db.Submissions.AsNoTracking().Where(s => s.ProposalId == id && s.Number == number).Select(s => s.Document).FirstOrDefaultAsync(ct);
    }
}
