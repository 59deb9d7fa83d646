using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Wizard;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Participation;

/// A GCF package asked for in French carries the stakeholder-engagement annex in French, PDF and
/// DOCX: its headings and labels, the consultations table, participation by group with the small
/// counts hidden as "< 5", and each input with the response to it. The residents' words stay as
/// they were written.
public sealed class FrenchEngagementAnnexTests : IDisposable
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly AppFactory app = new();
    private readonly WizardBrowser officer;

    public FrenchEngagementAnnexTests() => officer = new WizardBrowser(app);

    public void Dispose()
    {
        officer.Dispose();
        app.Dispose();
    }

    /// One meeting where 3 migrants came (a small count) and two inputs, one said there and one
    /// entered for a resident, each answered.
    private async Task<Guid> RecordedAsync()
    {
        var id = await officer.SeedSampleAsync(MonitoringKit.Sample);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations", "consultation", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "PublicMeeting").Set("Form.Level", "Consultation")
            .Set("Form.Place", "Lamashegu market hall").Set("Form.Languages", "Dagbani, English")
            .Set("Form.Women", "23").Set("Form.Men", "14").Set("Form.Groups[Elderly]", "6").Set("Form.Groups[Migrants]", "3")
            .Set("Form.Groups[PeopleWithDisabilities]", "5").Set("Form.Groups[Youth]", "8"))).StatusCode);
        var (page, _) = await officer.OpenFormAsync($"/proposals/{id}/consultations/inputs", "input");
        var held = page.Get("select#ConsultationId option[value]:not([value=''])").GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "input", f => f
            .Set("Form.ConsultationId", held).Set("Form.Group", "Youth").Set("Form.Text", "Start with Aboabo market."), "Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"/proposals/{id}/consultations/inputs", "input", f => f
            .Set("Form.Assisted", "true").Set("Form.Channel", "Phone").Set("Form.Group", "Elderly").Set("Form.Text", "Please put shade over the fish stalls."), "Add")).StatusCode);

        await RespondAsync(id, "Aboabo", f => f.Set("Reply.Disposition", "NotTaken").Set("Reply.Response", "Aboabo's roof cannot carry the panels."));
        await RespondAsync(id, "shade", f => f.Set("Reply.Disposition", "DesignChanged").Set("Reply.Response", "The market roofs now extend over the fish stalls.").Set("Reply.SectionChanged", "components"));
        return id;
    }

    /// Answers the input whose words hold <paramref name="words"/>, with the form beside it.
    private async Task RespondAsync(Guid id, string words, Action<FormFields> change)
    {
        var page = await officer.OpenAsync($"/proposals/{id}/consultations/inputs");
        var entry = page.Document.QuerySelectorAll("ol.public-comments > li").Single(li => li.TextContent.Contains(words, StringComparison.Ordinal));
        var form = FormFields.Read((IHtmlFormElement)entry.QuerySelector("form[data-form='response']")!);
        change(form);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync($"/proposals/{id}/consultations/inputs?handler=Respond", form)).StatusCode);
    }

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (var stream = entry.Open())
            await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// The DOCX's tables, each a list of rows of cell texts.
    private static List<List<List<string>>> Tables(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var xml = zip.GetEntry("word/document.xml")!.Open();
        return XDocument.Load(xml).Descendants(W + "tbl")
            .Select(t => t.Elements(W + "tr").Select(r => r.Elements(W + "tc").Select(c => string.Concat(c.Descendants(W + "t").Select(x => x.Value))).ToList()).ToList())
            .ToList();
    }

    [Theory]
    [InlineData("gcf-funding-proposal")]
    [InlineData("gcf-sap")]
    public async Task AFrenchPackage_CarriesTheEngagementAnnexInFrench(string template)
    {
        var id = await RecordedAsync();

        var response = await officer.Client.PostAsync($"/api/proposals/{id}/packages?template={template}&lang=fr", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var package = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.DoesNotContain(package.Entries, e => e.FullName.Contains("stakeholder-engagement", StringComparison.Ordinal));
        var pdfEntry = Assert.Single(package.Entries, e => e.FullName.EndsWith("-participation-parties-prenantes.pdf", StringComparison.Ordinal));
        var docxEntry = Assert.Single(package.Entries, e => e.FullName.EndsWith("-participation-parties-prenantes.docx", StringComparison.Ordinal));

        using var pdf = PdfDocument.Open(await ReadAsync(pdfEntry));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var heading in new[] { "Participation des parties prenantes", "Participation pendant la préparation", "Participation par groupe", "Ce que nous avons entendu et ce qui a changé", "Mécanisme de gestion des plaintes" })
            Assert.True(text.Contains(heading, StringComparison.Ordinal), $"« {heading} » is missing from: {text}");
        Assert.Contains("Une consultation a été tenue, le 14 février 2026, avec 37 participants", text, StringComparison.Ordinal);
        Assert.Contains("Contributions reçues : 2, chacune avec une réponse", text, StringComparison.Ordinal);
        Assert.Contains("Saisies par le personnel pour des habitants sans internet ou parlant une autre langue : 1", text, StringComparison.Ordinal);
        Assert.Contains("notés « < 5 »", text, StringComparison.Ordinal);
        foreach (var english in new[] { "Stakeholder engagement", "What we heard", "Participation by group", "Public meeting", "Older people" })
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);

        // The tables, read cell by cell from the DOCX.
        var tables = Tables(await ReadAsync(docxEntry));
        var events = tables.Single(t => t[0][0] == "Date");
        Assert.Equal(["Date", "Lieu", "Méthode", "Niveau", "Langues", "Femmes", "Hommes", "Non précisé", "Total"], events[0]);
        // A date is written with no-break spaces, so that it never wraps.
        Assert.Equal(["14\u00a0février\u00a02026", "Lamashegu market hall", "Réunion publique", "consultation", "Dagbani, English", "23", "14", "0", "37"], events[1]);

        var groups = tables.Single(t => t[0][0] == "Groupe");
        Assert.Equal(["Groupe", "Personnes"], groups[0]);
        // Three migrants are fewer than five: hidden. Five is shown.
        Assert.Equal([["Jeunes", "8"], ["Personnes âgées", "6"], ["Migrants et personnes déplacées", "< 5"], ["Personnes handicapées", "5"]], groups.Skip(1));

        var heard = tables.Single(t => t[0][0] == "Reçue le");
        Assert.Equal(["Reçue le", "Origine", "Ce qui a été dit", "Réponse"], heard[0]);
        var said = heard.Single(r => r[2] == "Start with Aboabo market.");
        Assert.Equal("consultation · Jeunes", said[1]);
        Assert.StartsWith("Non retenue", said[3], StringComparison.Ordinal);
        Assert.EndsWith("Aboabo's roof cannot carry the panels.", said[3], StringComparison.Ordinal);
        var assisted = heard.Single(r => r[2] == "Please put shade over the fish stalls.");
        Assert.Equal("saisie par le personnel pour un habitant · Personnes âgées", assisted[1]);
        Assert.StartsWith("Projet modifié (Composantes et activités)", assisted[3], StringComparison.Ordinal);
        Assert.EndsWith("The market roofs now extend over the fish stalls.", assisted[3], StringComparison.Ordinal);

        var grievances = tables.Single(t => t[0][0] == "Plaintes");
        Assert.Equal(["Plaintes", "Nombre"], grievances[0]);
        Assert.Equal(["Reçues", "0"], grievances[1]);
    }
}
