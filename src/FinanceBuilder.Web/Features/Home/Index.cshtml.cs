using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Home;

/// The workspace's proposal list: the first page a newcomer sees.
public sealed class IndexModel(IMediator mediator, DatabaseTarget database) : PageModel
{
    public ListProposals.Result Proposals { get; private set; } = new([], 0, 1, 50);

    public string Storage => database.Provider == DatabaseProvider.Sqlite ? database.SqliteFile! : "PostgreSQL";

    public async Task OnGetAsync(CancellationToken ct) =>
        Proposals = await mediator.Send(new ListProposals.Query(1, ListProposals.MaxPageSize), ct);

    public static string FundLabel(string fund, string? route) => (fund, route) switch
    {
        ("gcf", "fundingProposal") => "GCF — funding proposal",
        ("gcf", "conceptNote") => "GCF — concept note",
        ("gcf", "sap") => "GCF — Simplified Approval Process",
        ("gcf", "ppf") => "GCF — Project Preparation Facility",
        ("gcf", _) => "GCF",
        _ => route is null ? fund : $"{fund} — {route}",
    };
}
