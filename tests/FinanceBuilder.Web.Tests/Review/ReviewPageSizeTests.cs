using System.Net;
using FinanceBuilder.Web.Tests.Infrastructure;
using static FinanceBuilder.Web.Tests.Review.ReviewPanelTests;

namespace FinanceBuilder.Web.Tests.Review;

/// Issue 20's page budget: the reviewer's page, the whole submitted document beside the scoring
/// sheet and its rubric, stays under 150 KB gzipped with its stylesheet (it has no script), for
/// every sample and transcribed real project — a reviewer on a slow link still opens it.
public sealed class ReviewPageSizeTests
{
    private static readonly DateTime Day = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("mitigation-tamale-solar-led.json")]
    [InlineData("adaptation-cotonou-drainage-fr.json")]
    [InlineData("crosscutting-cuenca-watershed-bus.json")]
    [InlineData("real/fp169-micronesia-local-authorities.json")]
    [InlineData("real/sap032-benin-local-communes-fr.json")]
    public async Task DocumentBesideTheSheet_IsUnder150KBGzipped(string sample)
    {
        using var world = await ReviewWorld.CreateAsync();
        var (_, id) = await world.SubmitSampleAsync(sample, Day, world.DonorA);
        var scorer = await world.SignInAsync(ReviewWorld.ScorerA);
        Assert.Equal(HttpStatusCode.Redirect, (await DeclareAsync(scorer, id, "None")).StatusCode);

        var html = await scorer.GetByteArrayAsync($"/review/{id}/sheet");
        var page = Wizard.WizardBrowser.Parse(System.Text.Encoding.UTF8.GetString(html));
        Assert.NotNull(page.QuerySelector(".review-document article.document-preview"));
        Assert.Equal(6, page.QuerySelectorAll("fieldset.criterion").Length);
        Assert.Empty(page.QuerySelectorAll("script[src]"));
        var css = await scorer.GetByteArrayAsync(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
        var total = (int)Gzip.Length(html) + (int)Gzip.Length(css);
        Assert.True(total < 150 * 1024, $"{sample}: {total / 1024} KB gzipped ({html.Length / 1024} KB of HTML)");
        Console.WriteLine($"review page of {sample}: HTML {html.Length / 1024} KB, {(int)Gzip.Length(html) / 1024} KB gzipped; with the stylesheet {total / 1024} KB");
    }
}
