using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FinanceBuilder.Web.Features.Home;

/// The workspace's proposal list: the first page a newcomer sees.
public sealed class IndexModel(IMediator mediator, DatabaseTarget database) : PageModel
{
    public ListProposals.Result Proposals { get; private set; } = new([], 0, 1, 50);

    public string Storage => database.Location;

    public bool Deleted { get; private set; }

    public async Task OnGetAsync(int? deleted, CancellationToken ct)
    {
        Deleted = deleted == 1;
        Proposals = await mediator.Send(new ListProposals.Query(1, ListProposals.MaxPageSize), ct);
    }

    /// "GCF — funding proposal", in the reader's language.
    public static string FundLabel(string fund, string? route, CultureInfo culture)
    {
        var fundText = Messages.Format(culture, "Fund" + char.ToUpperInvariant(fund[0]) + fund[1..]);
        return route is null ? fundText : $"{fundText} — {Messages.Format(culture, "Route" + char.ToUpperInvariant(route[0]) + route[1..])}";
    }

    public static string CountLabel(int count, CultureInfo culture) =>
        count == 1 ? Messages.Format(culture, "ProposalCountOne") : Messages.Format(culture, "ProposalCountMany", count.ToString("N0", culture));
}
