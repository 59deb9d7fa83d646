using System.Globalization;
using System.Net;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Rules;
using FinanceBuilder.Web.Tests.Wizard;

namespace FinanceBuilder.Web.Tests.Participation;

/// Attendance by age band, recorded with each consultation, is shown: on the consultations page
/// beside each meeting, and in the stakeholder-engagement annex over all meetings, in English and
/// French, with counts under 5 said as "< 5" and a second one hidden wherever a total would give a
/// small one back. Evidence stored before ages were kept still reads.
public sealed class AgeBandTests : IDisposable
{
    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public AgeBandTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    private async Task RecordAsync(Guid id, string heldOn, string women, string men, params (string Band, string Count)[] ages)
    {
        var (_, form) = await browser.OpenFormAsync($"/proposals/{id}/consultations", "consultation");
        form.Set("Form.HeldOn", heldOn).Set("Form.Method", "PublicMeeting").Set("Form.Level", "Consultation").Set("Form.Place", "Lamashegu market hall")
            .Set("Form.Women", women).Set("Form.Men", men);
        foreach (var (band, count) in ages)
            form.Set($"Form.Ages[{band}]", count);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{id}/consultations", form)).StatusCode);
    }

    [Theory]
    [InlineData("en", "18–24 < 5 · 25–34 • · 35–49 15", "65 and over < 5")]
    [InlineData("fr", "18–24 ans < 5 · 25–34 ans • · 35–49 ans 15", "65 ans et plus < 5")]
    public async Task TheConsultationsPage_ShowsEachMeetingsAges_WithSmallOnesHidden(string language, string everyAge, string someAges)
    {
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);
        // Every age counted: the bands add up to the total shown beside them, so the 12 is hidden
        // too (30 − 15 − 12 would give the 3 back).
        await RecordAsync(id, "2026-02-14", "20", "10", ("From18To24", "3"), ("From25To34", "12"), ("From35To49", "15"));
        // Only two ages counted of 30: their sum is printed nowhere, and only the small one is hidden.
        await RecordAsync(id, "2026-03-14", "20", "10", ("From65", "2"));

        using var reader = new WizardBrowser(app, language);
        var page = await reader.OpenAsync($"/proposals/{id}/consultations");
        var heads = page.Document.QuerySelectorAll("table.consultation-records thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains(language == "fr" ? "Par âge" : "By age", heads);
        var column = heads.IndexOf(language == "fr" ? "Par âge" : "By age");
        var rows = page.Document.QuerySelectorAll("table.consultation-records tbody tr")
            .Select(tr => tr.Children.Select(cell => cell.TextContent.Trim()).ElementAt(column)).ToList();
        Assert.Equal([everyAge, someAges], rows);
    }

    /// From the form to the package: the ages a meeting recorded reach the annex of a GCF package.
    [Fact]
    public async Task TheAgesOfARecordedMeeting_ReachThePackagesAnnex()
    {
        var id = await browser.SeedSampleAsync(MonitoringKit.Sample);
        await RecordAsync(id, "2026-02-14", "20", "10", ("From18To24", "3"), ("From25To34", "12"), ("From35To49", "15"));

        var response = await browser.Client.PostAsync($"/api/proposals/{id}/packages?template=gcf-funding-proposal&lang=en", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        using var bytes = new MemoryStream();
        zip.Entries.Single(e => e.FullName.EndsWith("-stakeholder-engagement.pdf", StringComparison.Ordinal)).Open().CopyTo(bytes);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes.ToArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Participation by age", text, StringComparison.Ordinal);
        Assert.Contains("35–49 15", text, StringComparison.Ordinal);
    }

    private static HeldConsultation Meeting(DateOnly heldOn, long women, long men, Dictionary<AgeBand, long> ages) =>
        new(heldOn, ConsultationFormat.PublicMeeting, ParticipationLevel.Consultation, "Market hall", false, "Dagbani", "Town planning office",
            women, men, 0, new Dictionary<StakeholderGroup, long>())
        { Ages = ages };

    [Theory]
    [InlineData("en", "Participation by age", "Age", "Under 18", "18–24", "65 and over", "Total whose age was counted")]
    [InlineData("fr", "Participation par âge", "Âge", "Moins de 18 ans", "18–24 ans", "65 ans et plus", "Total des personnes dont l’âge a été noté")]
    public void TheAnnex_ShowsParticipationByAge_OverAllMeetings(string language, string heading, string age, string under18, string young, string over65, string total)
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var records = new EngagementEvidence
        {
            Consultations =
            [
                Meeting(new DateOnly(2026, 2, 14), 20, 10, new() { [AgeBand.From18To24] = 6, [AgeBand.From25To34] = 12, [AgeBand.From65] = 2 }),
                Meeting(new DateOnly(2026, 3, 14), 10, 10, new() { [AgeBand.From18To24] = 3, [AgeBand.From35To49] = 15, [AgeBand.From65] = 1 }),
            ],
        };

        var annex = StakeholderEngagementAnnex.For("Tamale", proposal, records, CultureInfo.GetCultureInfo(language))!;

        var headingAt = annex.Blocks.ToList().FindIndex(b => b is Heading h && Text(h.Runs) == heading);
        Assert.True(headingAt > 0);
        var table = Assert.IsType<Table>(annex.Blocks[headingAt + 1]);
        var rows = table.Rows.Select(r => r.Select(Text).ToList()).ToList();
        Assert.Equal([age, language == "fr" ? "Personnes" : "People"], rows[0]);
        // 9 young people over the two meetings, 3 over 65: the 3 is small, and the 9 — the
        // smallest other — is hidden too, since the total (39) would give the 3 back.
        Assert.Equal([under18, "0"], rows[1]);
        Assert.Equal([young, SmallCounts.Hidden], rows[2]);
        Assert.Equal([over65, "< 5"], rows[6]);
        Assert.Equal([total, "39"], rows[7]);
    }

    [Fact]
    public void TheAnnex_HasNoAgeTable_WhenNoAgeWasCounted()
    {
        var proposal = RuleCases.Load(RuleCases.M);
        var records = new EngagementEvidence { Consultations = [Meeting(new DateOnly(2026, 2, 14), 20, 10, [])] };

        var annex = StakeholderEngagementAnnex.For("Tamale", proposal, records, CultureInfo.GetCultureInfo("en"))!;

        Assert.DoesNotContain(annex.Blocks, b => b is Heading h && Text(h.Runs) == "Participation by age");
    }

    [Fact]
    public void EvidenceStoredBeforeAgesWereKept_StillReads_AndAgesRoundTrip()
    {
        const string Old = """{"consultations":[{"heldOn":"2026-02-14","method":"PublicMeeting","level":"Consultation","place":"Market hall","online":false,"women":23,"men":14,"notSaid":0,"groups":{"Elderly":6}}],"inputs":2}""";

        var old = EngagementEvidence.Read(Old);

        var meeting = Assert.Single(old.Consultations);
        Assert.Empty(meeting.Ages);
        Assert.Equal((37L, 2), (meeting.Total, old.Inputs));
        Assert.Empty(old.GroupsHeard);
        var now = old with { Consultations = [meeting with { Ages = new Dictionary<AgeBand, long> { [AgeBand.From65] = 6 } }], GroupsHeard = [StakeholderGroup.Youth] };
        var read = EngagementEvidence.Read(now.Write());
        Assert.Equal(6, read.Consultations.Single().Ages[AgeBand.From65]);
        Assert.Equal([StakeholderGroup.Youth], read.GroupsHeard);
    }

    private static string Text(IReadOnlyList<TextRun> runs) => string.Concat(runs.Select(r => r.Text));
}
