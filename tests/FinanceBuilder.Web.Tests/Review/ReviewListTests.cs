using System.Net;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Review;

/// The donor's list: only what is shared with the reader's organisation, the key figures in the
/// reader's format, filters, sort and the latest-version toggle.
public sealed class ReviewListTests
{
    private const string Tamale = "mitigation-tamale-solar-led.json";
    private const string Cotonou = "adaptation-cotonou-drainage-fr.json";
    private const string Cuenca = "crosscutting-cuenca-watershed-bus.json";
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table.review-list tbody td.title a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task List_PagesBy50_AndTheSecondPageShowsTheRest()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, first) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        using (var db = world.App.OpenDb())
        {
            // 54 more versions of the same proposal, without packages: the list does not read them.
            var template = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == first);
            for (var n = 2; n <= 55; n++)
                db.Submissions.Add(CopyOf(template, n));
            await db.SaveChangesAsync();
        }
        using var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var one = await donor.GetPageAsync("/review?latest=false");
        var two = await donor.GetPageAsync("/review?latest=false&p=2");

        Assert.Equal(50, one.Page.QuerySelectorAll("table.review-list tbody tr").Length);
        Assert.Equal(5, two.Page.QuerySelectorAll("table.review-list tbody tr").Length);
        Assert.NotNull(one.Page.QuerySelector("a[href*='p=2']"));
    }

    private static SubmissionRecord CopyOf(SubmissionRecord s, int number) => new()
    {
        Id = Guid.NewGuid(),
        ProposalId = s.ProposalId,
        OrganisationId = s.OrganisationId,
        Number = number,
        SubmittedAt = s.SubmittedAt.AddMinutes(number),
        SubmittedByUserId = s.SubmittedByUserId,
        SubmittedByName = s.SubmittedByName,
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        ProposalVersion = s.ProposalVersion + number,
        Document = s.Document,
        Title = s.Title,
        Fund = s.Fund,
        Route = s.Route,
        Country = s.Country,
        TotalUsd = s.TotalUsd,
        GcfRequestUsd = s.GcfRequestUsd,
        EmissionReductionsTco2 = s.EmissionReductionsTco2,
        Beneficiaries = s.Beneficiaries,
        Size = s.Size,
        EssCategory = s.EssCategory,
        Readiness = s.Readiness,
    };

    [Fact]
    public async Task List_ShowsOnlySubmissionsSharedWithMyOrganisation()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        await world.SubmitSampleAsync(Cotonou, Day, world.DonorB);
        await world.SubmitSampleAsync(Cuenca, Day); // shared with nobody

        var a = await (await world.SignInAsync(ReviewWorld.ScorerA)).GetPageAsync("/review");
        var b = await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync("/review");

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(["Tamale Solar Public Buildings and LED Street Lighting Project, Ghana"], Titles(a.Page));
        Assert.Equal(["Drainage résilient et alerte précoce aux inondations à Cotonou, Bénin"], Titles(b.Page));
        var row = a.Page.QuerySelector("table.review-list tbody tr")!.TextContent;
        Assert.Contains("V.001", row, StringComparison.Ordinal);
        Assert.Contains("13,025,000", row, StringComparison.Ordinal);
        Assert.Contains("Ghana", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Cuenca", a.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cotonou", a.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_IsForDonorsOnly_AndSaysWhenNothingIsShared()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.SubmitSampleAsync(Tamale, Day, world.DonorA);

        var empty = await (await world.SignInAsync(ReviewWorld.ScorerB)).GetPageAsync("/review");
        var applicant = await world.Applicant.GetAsync("/review");

        Assert.Contains("No submission has been shared with your organisation yet.", empty.Page.Text(), StringComparison.Ordinal);
        Assert.Empty(Titles(empty.Page));
        Assert.Equal(HttpStatusCode.Forbidden, applicant.StatusCode);
    }

    [Fact]
    public async Task List_InFrench_FormatsAmountsTheFrenchWay()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.SubmitSampleAsync(Tamale, Day, world.DonorA);

        var page = await (await world.SignInAsync(ReviewWorld.ScorerA, "fr")).GetPageAsync("/review");

        var row = page.Page.QuerySelector("table.review-list tbody tr")!.TextContent;
        Assert.Contains("13\u202F025\u202F000", row, StringComparison.Ordinal);
        Assert.Contains("Soumissions à examiner", page.Page.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SortsByAnyColumn_BothWays_AndSaysSoToScreenReaders()
    {
        using var world = await ReviewWorld.CreateAsync();
        await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        await world.SubmitSampleAsync(Cotonou, Day.AddDays(1), world.DonorA);
        await world.SubmitSampleAsync(Cuenca, Day.AddDays(2), world.DonorA);
        List<string> byTotal;
        using (var db = world.App.OpenDb())
        {
            var rows = await db.Submissions.Select(s => new { s.Title, s.TotalUsd }).ToListAsync();
            Assert.Equal(3, rows.Select(r => r.TotalUsd).Distinct().Count(t => t is not null));
            byTotal = rows.OrderBy(r => r.TotalUsd).Select(r => r.Title!).ToList();
        }
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var byDefault = await donor.GetPageAsync("/review");
        var ascending = await donor.GetPageAsync("/review?sort=Total&dir=asc");
        var descending = await donor.GetPageAsync("/review?sort=Total&dir=desc");
        var byTitle = await donor.GetPageAsync("/review?sort=Title");

        Assert.Equal("Cuenca", Titles(byDefault.Page)[0][..6]); // newest first
        Assert.Equal(byTotal, Titles(ascending.Page));
        Assert.Equal(byTotal.AsEnumerable().Reverse(), Titles(descending.Page));
        Assert.Equal(Titles(byTitle.Page).Order(StringComparer.Ordinal), Titles(byTitle.Page));
        var header = ascending.Page.QuerySelector("th[aria-sort]")!;
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Contains("Total (USD)", header.TextContent, StringComparison.Ordinal);
        // The heading's link turns the order round and keeps the other parameters.
        Assert.Contains("dir=desc", header.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("descending", descending.Page.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task List_Filters_ByCountrySearchReadinessAndVersion()
    {
        using var world = await ReviewWorld.CreateAsync();
        var (tamale, _) = await world.SubmitSampleAsync(Tamale, Day, world.DonorA);
        await world.SubmitSampleAsync(Cotonou, Day.AddDays(1), world.DonorA);
        await world.SubmitSampleAsync(Cuenca, Day.AddDays(2), world.DonorA);
        await world.App.SubmitAsync(tamale, Day.AddDays(3), world.DonorA); // V.002
        var donor = await world.SignInAsync(ReviewWorld.ScorerA);

        var ghana = await donor.GetPageAsync("/review?country=GH");
        var search = await donor.GetPageAsync("/review?q=DRAINAGE");
        var latest = await donor.GetPageAsync("/review");
        var all = await donor.GetPageAsync("/review?latest=false");
        var none = await donor.GetPageAsync("/review?readiness=101");
        var fund = await donor.GetPageAsync("/review?fund=gcf&route=fundingProposal&ess=b");

        var ghanaRows = ghana.Page.QuerySelectorAll("table.review-list tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(ghanaRows);
        Assert.Contains("V.002", ghanaRows[0], StringComparison.Ordinal);
        Assert.Equal(["Drainage résilient et alerte précoce aux inondations à Cotonou, Bénin"], Titles(search.Page));
        Assert.Equal(3, Titles(latest.Page).Count);
        Assert.Equal(4, Titles(all.Page).Count);
        Assert.Null(all.Page.QuerySelector("input#latest[checked]"));
        Assert.NotNull(latest.Page.QuerySelector("input#latest[checked]"));
        Assert.Empty(Titles(none.Page));
        Assert.Contains("No shared submission matches these filters.", none.Page.Text(), StringComparison.Ordinal);
        Assert.Equal(3, Titles(fund.Page).Count);
        // The compare form sends the ticked rows to the comparison.
        Assert.Equal("/review/compare", latest.Page.QuerySelector("form#compare-form")!.GetAttribute("action"));
        Assert.Equal(3, latest.Page.QuerySelectorAll("form#compare-form input[type=checkbox][name=ids]").Length);
    }
}
