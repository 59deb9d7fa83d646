using System.Net;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Participation;

/// The public consultation page as its readers meet it: the officer is told how easily residents
/// will read the summary, in each language; a French-speaking resident reads the page in French
/// and falls back to the English summary, said as such, when none was written in French; a full
/// page of comments stays light on a phone's link and needs no script to comment.
public sealed class PublicPageReadersTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public PublicPageReadersTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    private const string HardFrench = "La municipalité envisage conjointement, dans le cadre de la programmation pluriannuelle d’investissements environnementaux, l’installation généralisée de dispositifs photovoltaïques sur l’ensemble des infrastructures commerciales municipales, conformément aux orientations stratégiques départementales et nationales relatives à la transition énergétique territoriale.";

    [Fact]
    public void TheReadingLevel_CountsWordsSentencesAndLongWords()
    {
        var plain = ReadingLevelOf(ParticipationKit.SummaryEn);
        Assert.Equal((34, 8.5), (plain.Words, plain.WordsPerSentence));
        Assert.False(plain.Hard || plain.SentencesTooLong || plain.TooLong);
        var hard = ReadingLevelOf(HardFrench);
        Assert.Equal(1, hard.Words / hard.WordsPerSentence, 3);
        Assert.True(hard.SentencesTooLong && hard.Hard);
        // "..." and a full stop before a new line end one sentence each, not several.
        Assert.Equal(1.5, ReadingLevelOf("Wait... Then go.\n").WordsPerSentence);
    }

    private static Web.Features.Participation.ReadingLevel ReadingLevelOf(string text) => Web.Features.Participation.ReadingLevel.Of(text);

    [Fact]
    public async Task TheSettingsPage_SaysHowEasilyEachSummaryReads()
    {
        var long400 = string.Join(" ", Enumerable.Repeat("We fix the drains in the old town.", 50));
        var (id, _) = await officer.OpenedAsync(form => form.Set("Form.SummaryFr", HardFrench));

        var page = await officer.OpenAsync($"/proposals/{id}/consultations/public");

        var english = page.Get("[data-reading='en']");
        Assert.Equal("notice", english.ClassName);
        Assert.Contains("34 words, 8 words a sentence on average", english.TextContent, StringComparison.Ordinal);
        Assert.Contains("Residents should read it easily.", english.TextContent, StringComparison.Ordinal);
        var french = page.Get("[data-reading='fr']");
        Assert.Equal("notice notice--warning", french.ClassName);
        Assert.Contains("Sentences average 37 words: aim for 20 or fewer.", french.TextContent, StringComparison.Ordinal);
        Assert.Contains("above 45, many residents find a text hard", french.TextContent, StringComparison.Ordinal);

        // Too long is said too, in the officer's language.
        var (_, form) = await officer.OpenFormAsync($"/proposals/{id}/consultations/public", "public-page");
        form.Set("Form.SummaryEn", long400);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"/proposals/{id}/consultations/public", form)).StatusCode);
        using var frenchOfficer = new WizardBrowser(app, "fr");
        var inFrench = await frenchOfficer.OpenAsync($"/proposals/{id}/consultations/public");
        Assert.Contains("Il est long (400\u00a0mots)\u00a0: les habitants lisent un résumé de 350\u00a0mots au plus.", inFrench.Get("[data-reading='en']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrenchSpeakingResident_ReadsThePageInFrench_AndIsToldWhenTheSummaryIsOnlyInEnglish()
    {
        var (id, page) = await officer.OpenedAsync(form => form
            .Set("Form.SummaryFr", "La ville posera des panneaux solaires sur trois marchés. Dites-nous par lequel commencer.")
            .Set("Form.QuestionsFr", "Quel marché d’abord\u202f?\nQu’est-ce qui vous inquiète\u202f?"));
        using var resident = WizardBrowser.Anonymous(app, "fr");

        var french = await resident.OpenAsync($"/consult/{page}");

        Assert.Equal("fr", french.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("La ville posera des panneaux solaires", french.Get(".public-summary").TextContent, StringComparison.Ordinal);
        Assert.Null(french.Get(".public-summary").GetAttribute("lang"));
        Assert.Equal(["Quel marché d’abord\u202f?", "Qu’est-ce qui vous inquiète\u202f?"], french.Document.QuerySelectorAll(".public-questions li").Select(li => li.TextContent));
        Assert.Equal("Laisser un commentaire", french.Get("h2#comment").TextContent);
        Assert.Equal("Votre commentaire", french.Get("label[for='Text']").TextContent.Trim());
        // A comment sent from the French page is thanked in French.
        var sent = await resident.CommentAsync(page, "Commencez par le marché central.");
        var thanked = await resident.FollowAsync(sent);
        Assert.Contains("Merci. Votre commentaire a bien été reçu.", thanked.Get(".notice").TextContent, StringComparison.Ordinal);

        // Without a French summary, the English one is shown, marked as English.
        var (_, other) = await officer.OpenedAsync();
        var fallback = await resident.OpenAsync($"/consult/{other}");
        Assert.Equal("en", fallback.Get(".public-summary").GetAttribute("lang"));
        Assert.Contains("solar panels", fallback.Get(".public-summary").TextContent, StringComparison.Ordinal);
        Assert.Equal("Laisser un commentaire", fallback.Get("h2#comment").TextContent);
    }

    [Fact]
    public async Task AFullPageOfComments_WithItsStyles_IsUnder100KBGzipped_AndCommentingNeedsNoScript()
    {
        var (id, page) = await officer.OpenedAsync();
        using (var db = app.OpenDb())
        {
            var owner = (await db.PublicConsultations.SingleAsync(p => p.Id == page)).OrganisationId;
            var words = "The drains by the market flood every rainy season and the traders lose their stock; please start there and tell us when the works will close the road. ";
            for (var n = 0; n < 40; n++)
            {
                db.ParticipationInputs.Add(new ParticipationInput
                {
                    Id = Guid.NewGuid(),
                    ProposalId = id,
                    OrganisationId = owner,
                    Source = InputSource.PublicPage,
                    Text = string.Concat(Enumerable.Repeat(words, 6)) + n,
                    ReceivedAt = DateTime.UtcNow.AddMinutes(-n),
                    Moderation = Moderation.Published,
                    ModeratedAt = DateTime.UtcNow,
                    Disposition = Disposition.Accepted,
                    Response = "Thank you: the market drains are the first works, from March; the road stays open at night. " + n,
                });
            }
            await db.SaveChangesAsync();
        }
        using var resident = WizardBrowser.Anonymous(app);

        var response = await resident.Client.GetAsync($"/consult/{page}");
        var html = await response.Content.ReadAsStringAsync();
        var view = WizardBrowser.Parse(html);

        // A page of 30 comments with their responses, and a link to the next page.
        Assert.Equal(30, view.QuerySelectorAll("ol.public-comments > li").Length);
        // Nothing on the page runs a script: commenting is a plain form posted to the page.
        Assert.Empty(view.QuerySelectorAll("script"));
        Assert.DoesNotMatch(" on[a-z]+=", html);
        var form = view.QuerySelector("form[data-form='comment']")!;
        Assert.Equal(("post", $"/consult/{page}#comment"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.NotNull(form.QuerySelector("button[type='submit']"));
        // What a phone downloads: the page and every style sheet it links, as the server gzips them.
        var total = Gzip.Length(html);
        foreach (var sheet in view.QuerySelectorAll("link[rel='stylesheet']").Select(l => l.GetAttribute("href")!))
            total += Gzip.Length(await resident.Client.GetStringAsync(sheet));
        Assert.True(total < 100 * 1024, $"{total / 1024} KB gzipped");
        Console.WriteLine($"public page of 30 comments with its styles: {total / 1024} KB gzipped (page {html.Length / 1024} KB)");
    }
}
