using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Home;

/// The workspace's proposal list: the first page a newcomer sees.
public sealed class IndexModel(IMediator mediator, DatabaseTarget database, AccessScope access, FinanceBuilderDbContext db, ProposalValidation validation) : PageModel
{
    /// The pages a concept note asks, grouped as the GCF template groups them: read from the
    /// step catalogue, so the start guide lists what the wizard will really ask.
    public static IReadOnlyList<(StepGroup Group, IReadOnlyList<Step> Steps)> ConceptNoteSections { get; } =
        StepCatalogue.For(new Proposal { Target = new Target { Route = Route.ConceptNote } })
            .GroupBy(s => s.Group).Select(g => (g.Key, (IReadOnlyList<Step>)g.ToList())).ToList();

    /// Progress, status, readiness and target Board meeting per listed proposal.
    public IReadOnlyDictionary<Guid, ProposalRow> Rows { get; private set; } = new Dictionary<Guid, ProposalRow>();

    /// The owner's name per proposal, when this person works for several organisations (a
    /// planning agency); empty otherwise, and the list shows no organisation column.
    public IReadOnlyDictionary<Guid, string> OwnerNames { get; private set; } = new Dictionary<Guid, string>();

    public bool ShowsOrganisation => access.ProposalOrganisationIds.Count > 1;

    public ListProposals.Result Proposals { get; private set; } = new([], 0, 1, 50);

    public string Storage => database.Location;

    public bool ShowsStorage => access.IsPlatformAdmin;

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? deleted, CancellationToken ct)
    {
        // A donor has no proposals of its own: its work is the review workspace.
        if (access.IsDonor)
            return Redirect("/review");
        Deleted = deleted == 1;
        Proposals = await mediator.Send(new ListProposals.Query(1, ListProposals.MaxPageSize), ct);
        Rows = await ProposalRows.ForAsync(db, validation, Proposals.Items.Select(p => p.Id).ToList(), ct);
        if (ShowsOrganisation && Proposals.Items.Count > 0)
        {
            var ids = Proposals.Items.Select(p => p.Id).ToList();
            OwnerNames = await (from p in db.Proposals
                                where ids.Contains(p.Id)
                                join o in db.Organisations on p.OwnerOrganisationId equals o.Id
                                select new { p.Id, o.Name }).AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        }
        return Page();
    }

    /// "GCF — funding proposal", in the reader's language.
    public static string FundLabel(string fund, string? route, CultureInfo culture)
    {
        var fundText = Messages.Format(culture, "Fund" + char.ToUpperInvariant(fund[0]) + fund[1..]);
        return route is null ? fundText : $"{fundText} — {Messages.Format(culture, "Route" + char.ToUpperInvariant(route[0]) + route[1..])}";
    }

    /// "Draft", "Submitted V.002", "Review released (V.002)".
    public static string StatusLabel(ProposalRow row, CultureInfo culture) => row switch
    {
        { LatestVersion: { } n, ReviewReleased: true } => HomeText.Texts.Format(culture, "Status.ReviewReleased", Data.Submissions.SubmissionRecord.FormatVersion(n)),
        { LatestVersion: { } n } => HomeText.Texts.Format(culture, "Status.Submitted", Data.Submissions.SubmissionRecord.FormatVersion(n)),
        _ => HomeText.Texts.Get("Status.Draft", culture),
    };

    public static string CountLabel(int count, CultureInfo culture) =>
        Messages.Count(culture, "ProposalCount", count);
}
