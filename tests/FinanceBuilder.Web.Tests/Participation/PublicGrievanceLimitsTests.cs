using System.Net;
using AngleSharp.Dom;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// The public grievance form takes posts without an account, so it is held to the comment form's
/// limits: markup and over-long words are refused with a message, a bot filling the hidden field is
/// answered as a person is and nothing is kept, and a flood from one address is refused. None of
/// the refused posts leaves a grievance behind.
public sealed class PublicGrievanceLimitsTests : IDisposable
{
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:Participation:PostsPerAddressPerHour"] = "7" });
    private readonly WizardBrowser officer;

    public PublicGrievanceLimitsTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    private static Task<HttpResponseMessage> RaiseAsync(WizardBrowser resident, Guid page, string text, Action<FormFields>? change = null) =>
        resident.PostFormAsync($"/consult/{page}/grievance", "grievance", form =>
        {
            form.Set("Form.Category", "HealthAndSafety");
            form.Set("Form.Text", text);
            form.Set("Form.Consent", "true");
            change?.Invoke(form);
        });

    private static async Task<IDocument> ReadAsync(HttpResponseMessage response) => WizardBrowser.Parse(await response.Content.ReadAsStringAsync());

    private static List<string> Errors(IDocument page) => page.QuerySelectorAll(".error-summary li").Select(l => l.TextContent.Trim()).ToList();

    [Fact]
    public async Task Markup_LongWords_Bots_AndFloods_AreRefused_AndStoreNothing()
    {
        var (id, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);

        var markup = await RaiseAsync(resident, page, "The fence <b>fell</b> on the path.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, markup.StatusCode);
        Assert.Contains("Write plain text: HTML tags and character codes are not accepted.", Errors(await ReadAsync(markup)));

        var markedName = await RaiseAsync(resident, page, "The fence fell on the path.", form => form.Set("Form.AuthorName", "<a href=\"http://spam.example\">Kofi</a>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, markedName.StatusCode);
        Assert.Contains("Write plain text: HTML tags and character codes are not accepted.", Errors(await ReadAsync(markedName)));

        // One character over the form's 6,000.
        var tooLong = await RaiseAsync(resident, page, new string('a', GrievanceRecord.MaxText + 1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Contains("At most 6000 characters.", Errors(await ReadAsync(tooLong)));

        // Far over: refused before it is read, or by the same rule.
        var huge = await RaiseAsync(resident, page, new string('a', 200_000));
        Assert.Contains(huge.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity });

        // A bot fills the field people never see: it is answered as a person is, a reference and
        // the dates, with no error, and nothing is kept.
        var bot = await RaiseAsync(resident, page, "Cheap watches at a low price", form => form.Set("Form.Website", "http://spam.example"));
        Assert.Equal(HttpStatusCode.OK, bot.StatusCode);
        var botPage = await ReadAsync(bot);
        Assert.Matches("^G-[A-Z2-9]{6}$", botPage.QuerySelector(".notice strong")!.TextContent);
        Assert.Empty(Errors(botPage));

        // Seven posts an hour from one address (this test's setting): the sixth and seventh are
        // taken, the eighth is refused, whatever it holds.
        Assert.Equal(HttpStatusCode.OK, (await RaiseAsync(resident, page, "The trench by the school has no fence.")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RaiseAsync(resident, page, "Dust from the works covers the stalls.")).StatusCode);

        var flood = await RaiseAsync(resident, page, "A real grievance, sent once too often.");
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        // Until the first post of the hour leaves it.
        Assert.InRange(flood.Headers.RetryAfter!.Delta!.Value.TotalMinutes, 55, 60);
        var floodPage = await ReadAsync(flood);
        Assert.Contains(Errors(floodPage), e => e.StartsWith("Too many messages", StringComparison.Ordinal));
        Assert.Null(floodPage.QuerySelector(".notice strong"));

        using var db = app.OpenDb();
        var stored = await db.Grievances.Where(g => g.ProposalId == id).Select(g => g.Text).ToListAsync();
        Assert.Equal(["Dust from the works covers the stalls.", "The trench by the school has no fence."], stored.Order());
        // Addresses are counted as hashes, never kept as they are.
        Assert.All(await db.Set<Data.RateCounter>().ToListAsync(), c => Assert.Matches("^[0-9a-f]{64}$", c.Key));
    }

    /// The bot must not learn that it was caught: its answer has the shape of a person's, the
    /// notice with a reference above an emptied form.
    [Fact]
    public async Task ABotsConfirmation_CannotBeToldFromAPersons()
    {
        var (_, page) = await officer.OpenedAsync();
        using var resident = WizardBrowser.Anonymous(app);

        var person = await ReadAsync(await RaiseAsync(resident, page, "The trench by the school has no fence."));
        var bot = await ReadAsync(await RaiseAsync(resident, page, "Cheap watches at a low price", form => form.Set("Form.Website", "http://spam.example")));

        Assert.Equal(Shape(person), Shape(bot));
    }

    /// What a page says without the words the resident wrote: the notice's heading, whether the
    /// form still holds words, whether it shows errors.
    private static (string Notice, bool TextKept, bool HasErrors) Shape(IDocument page) =>
        (page.QuerySelector(".notice h2")?.TextContent ?? "",
         page.QuerySelector("textarea#Text")!.TextContent.Length > 0,
         page.QuerySelector(".error-summary") is not null);
}
