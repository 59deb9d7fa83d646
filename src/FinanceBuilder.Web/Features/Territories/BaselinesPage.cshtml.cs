using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// The territorial data a proposal can use as baselines: the shared library's values for its
/// countries and for its local governments (matched by name), each with its source; one button
/// makes a value the baseline of an indicator of the results framework, or of a new indicator.
[Authorize(Policy = Policies.Applicant)]
public sealed class BaselinesPage(FinanceBuilderDbContext db, ParsedProposals parsed, AccessScope access, IMediator mediator) : PageModel
{
    /// At most this many values are read for a proposal (the latest year of each indicator and
    /// place is offered; older years are listed beneath).
    public const int MaxValues = 2_000;

    public sealed record Offer(TerritoryQuery.ValueRow Latest, long ValueId, IndicatorDefinition Definition, IReadOnlyList<TerritoryQuery.ValueRow> Earlier);

    public Guid Id { get; private set; }
    public string? Title { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<string> Countries { get; private set; } = [];
    public IReadOnlyList<(string Place, IReadOnlyList<Offer> Offers)> Places { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Indicators { get; private set; } = [];
    public bool CanEdit => access.CanEditProposals;
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }
    public string? TakenCode { get; private set; }
    public string? TakenUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, string? indicator, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        TakenCode = done == "taken" && indicator is { Length: <= 40 } ? indicator : null;
        Notice = TakenCode is null ? null : TerritoryText.Texts["Baselines.Taken", TakenCode];
        // The indicators page shows its list a page at a time: the link opens the page that holds it.
        var index = Indicators.ToList().FindIndex(i => i.Code == TakenCode);
        var size = Questionnaire.LogframeSteps.Indicators.Blocks.OfType<Questionnaire.ListBlock>().First().PageSize ?? int.MaxValue;
        TakenUrl = index < 0 ? Wizard.WizardUrls.Step(id, "indicators")
            : Wizard.WizardUrls.Step(id, "indicators", index / size + 1) + "#" + ModelPath.HtmlId($"results.indicators[{index}]");
        return Page();
    }

    public async Task<IActionResult> OnPostTakeAsync(Guid id, long valueId, string? indicator, int version, CancellationToken ct)
    {
        if (!access.CanEditProposals)
            return Forbid();
        var result = await mediator.Send(new TakeBaseline.Command(id, version, valueId, string.IsNullOrEmpty(indicator) ? null : indicator), ct);
        if (result.Outcome == TakeBaseline.Outcome.Saved)
            return Redirect($"{TerritoryUrls.Baselines(id)}?done=taken&indicator={Uri.EscapeDataString(result.IndicatorCode!)}");
        if (result.Outcome == TakeBaseline.Outcome.NotFound || !await LoadAsync(id, ct))
            return NotFound();
        Problem = TerritoryText.Texts["Baselines.Problem." + result.Outcome];
        Response.StatusCode = result.Outcome switch
        {
            TakeBaseline.Outcome.Conflict => StatusCodes.Status409Conflict,
            TakeBaseline.Outcome.Full => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status404NotFound,
        };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var record = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (record is null)
            return false;
        var proposal = parsed.Parse(record);
        Id = id;
        Title = proposal.Basics.Title;
        Version = record.Version;
        Indicators = proposal.Results.Indicators.Select(i => (i.Code, i.Name ?? "")).ToList();
        Countries = proposal.Basics.Countries.Select(c => c.Code)
            .Concat(proposal.Basics.LocalGovernments.Select(g => g.CountryCode))
            .Append(proposal.Applicant.Proponent.CountryCode)
            .Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct(StringComparer.Ordinal).Take(20).ToList();
        var names = proposal.Basics.LocalGovernments.Select(g => Fold(g.Name)).Where(n => n.Length > 0).ToList();
        var countries = Countries.ToList();
        var rows = await (from v in db.TerritoryIndicatorValues.AsNoTracking()
                          join d in db.IndicatorDatasets.AsNoTracking() on v.DatasetId equals d.Id
                          where countries.Contains(v.CountryCode)
                          orderby v.CountryCode, v.TerritoryCode, v.IndicatorCode, v.Year descending
                          select new { v.Id, Row = new TerritoryQuery.ValueRow(v.IndicatorCode, v.TerritoryCode, v.TerritoryName, v.Year, v.ValueText, v.Value, v.Source, v.SourceDate, v.Licence, d.Id, d.PublisherName), v.CountryCode })
            .Take(MaxValues).ToListAsync(ct);
        var culture = CultureInfo.CurrentUICulture;
        Places = rows
            // The whole country, or a place whose name is one of the proposal's local governments
            // (or a word of one: "Tamale" in "Tamale Metropolitan Assembly").
            .Where(r => r.Row.TerritoryCode == "" || names.Any(n => Names(n, Fold(r.Row.TerritoryName))))
            .GroupBy(r => (r.CountryCode, r.Row.TerritoryCode))
            .Select(g => (Place: g.Key.TerritoryCode == "" ? CountryList.Name(g.Key.CountryCode, culture) : $"{g.First().Row.TerritoryName} ({CountryList.Name(g.Key.CountryCode, culture)})",
                Offers: (IReadOnlyList<Offer>)g.GroupBy(r => r.Row.Indicator)
                    .Where(i => IndicatorLibrary.Find(i.Key) is not null)
                    .OrderBy(i => Order(i.Key))
                    .Select(i => new Offer(i.First().Row, i.First().Id, IndicatorLibrary.Find(i.Key)!, i.Skip(1).Select(x => x.Row).ToList()))
                    .ToList()))
            .Where(p => p.Offers.Count > 0)
            .ToList();
        return true;
    }

    private static int Order(string code)
    {
        for (var i = 0; i < IndicatorLibrary.All.Count; i++)
        {
            if (IndicatorLibrary.All[i].Code == code)
                return i;
        }
        return int.MaxValue;
    }

    private static bool Names(string localGovernment, string territory) =>
        territory.Length > 0 && (localGovernment == territory || $" {localGovernment} ".Contains($" {territory} ", StringComparison.Ordinal));

    /// Lower case, accents off, punctuation as spaces: "Commune de Dogbo-Tota" → "commune de dogbo tota".
    private static string Fold(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var text = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
