using System.Collections;
using System.Net;
using System.Reflection;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Annexes;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Monitoring;
using FinanceBuilder.Web.Tests.Participation;
using FinanceBuilder.Web.Tests.Submissions;
using FinanceBuilder.Web.Tests.Territories;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Tests.Catalogue;

/// Issue 16's privacy test: a proposal whose every private text holds a person's name, e-mail and
/// telephone — submitted as a version, with its consultation records and public page shown in the
/// catalogue, a resident's contact and an annex file marked confidential — is made into a
/// catalogue action and published; no public page or export holds any of it, nor the name or
/// e-mail of the editor who published it.
public sealed class PrivacyTests : IDisposable
{
    private const string Name = "Amina Canaryperson";
    private const string Email = "amina.canary@example.org";
    private const string Phone = "+229 97 12 34 56";
    private const string Personal = Name + ", " + Email + ", " + Phone;

    /// The texts the catalogue copies from a proposal (ActionFromProposal): public by choice,
    /// shown on the publish page before anything is published.
    private static readonly HashSet<(Type, string)> Copied =
    [
        (typeof(ProjectBasics), nameof(ProjectBasics.Title)),
        (typeof(Narratives), nameof(Narratives.ExecutiveSummary)),
        (typeof(Narratives), nameof(Narratives.ProjectDescription)),
        (typeof(Location), nameof(Location.AdministrativeArea)),
        (typeof(LocalGovernment), nameof(LocalGovernment.Name)),
        (typeof(CoFinancier), nameof(CoFinancier.Name)),
        (typeof(Indicator), nameof(Indicator.Name)),
        (typeof(Indicator), nameof(Indicator.Unit)),
    ];

    private readonly AppFactory app = new();
    private readonly WizardBrowser browser;

    public PrivacyTests() => browser = new WizardBrowser(app);

    public void Dispose()
    {
        browser.Dispose();
        app.Dispose();
    }

    [Fact]
    public async Task PersonalDataInEveryPrivateField_ReachesNoPublicPage()
    {
        var proposal = ProposalJson.FromStored(Samples.ReadText("mitigation-tamale-solar-led.json"));
        var filled = Fill(proposal);
        Assert.True(filled > 100, $"only {filled} texts were filled");
        using var json = new StringContent(ProposalJson.Serialize(proposal), System.Text.Encoding.UTF8, "application/json");
        var seeded = await browser.Client.PostAsync("/api/proposals", json);
        Assert.True(seeded.StatusCode == HttpStatusCode.Created, await seeded.Content.ReadAsStringAsync());
        var proposalId = Guid.Parse(seeded.Headers.Location!.OriginalString.Split('/')[^1]);

        // What else the catalogue reads from: a submitted version (its figures), the consultation
        // records and the public page shown in the catalogue, a resident's comment with a contact,
        // and an annex file marked confidential, each carrying the same personal data.
        var (_, consultation) = await browser.OpenFormAsync($"/proposals/{proposalId}/consultations/public", "public-page");
        consultation.Set("Form.SummaryEn", Participation.ParticipationKit.SummaryEn).Set("Form.QuestionsEn", "Which market first?").Set("Form.ShowInCatalogue", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/proposals/{proposalId}/consultations/public", consultation)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/proposals/{proposalId}/consultations", "consultation", f => f
            .Set("Form.HeldOn", "2026-02-14").Set("Form.Method", "Workshop").Set("Form.Level", "Concertation").Set("Form.Place", "Town hall")
            .Set("Form.Organiser", Personal).Set("Form.Women", "12").Set("Form.Men", "9"))).StatusCode);
        Guid page;
        using (var db = app.OpenDb())
            page = (await db.PublicConsultations.SingleAsync(p => p.ProposalId == proposalId)).Id;
        using (var resident = WizardBrowser.Anonymous(app))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await resident.CommentAsync(page, "Start with the central market.", f => f
                .Set("Form.Contact", Email))).StatusCode); // a name the resident signs with is public by their choice
        }
        var moderation = await browser.OpenAsync($"/proposals/{proposalId}/consultations/moderation");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/proposals/{proposalId}/consultations/moderation", "moderation",
            f => f.Set("Ids", moderation.Get("input[name=Ids]").GetAttribute("value")!), "Publish")).StatusCode);
        var confidential = proposal.Annexes.First(a => a.Number is not null);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.AttachAsync(proposalId, confidential.Number, (Name + " passport.pdf", Annexes.UploadFixtures.Pdf()))).StatusCode);
        var submitted = await browser.Client.SubmitAsync(proposalId);
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, $"submission answered {(int)submitted.StatusCode}");

        var id = await browser.NewActionAsync(proposalId);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PublishActionAsync(id)).StatusCode);

        // A dataset of the shared library, imported by the same editor: who imported it is the
        // organisation's to know, not the public's.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UploadValuesAsync("Tamale census", IndicatorClient.Header + "\nFB-POPULATION,GH,GH-0816,Tamale,2021,374744,GSS,2021-09-22,CC-BY-4.0\n")).StatusCode);

        using var reader = app.CreateBrowserClient();
        var pages = new[]
        {
            $"/actions/{id}", "/actions", "/actions?q=tamale", "/territories", "/territories/GH", "/territories/GH/GH-0816", "/indicators",
            "/api/public/territories/GH", "/api/public/indicators/values", "/open-data/territorial-indicators/values.csv",
            "/open-data/territorial-indicators/datasets.csv", $"/open-data/territorial-indicators/datasets/{app.DatasetId("Tamale census")}.csv",
            // The action's exports and the API: every format a reuser downloads it in.
            $"/actions/{id}/iati.xml", "/open-data/iati.xml", "/open-data/projets-territoire.csv", "/open-data/catalogue.jsonld",
            "/open-data/datapackage.json", "/open-data/actions.csv", "/open-data/funding.csv", "/open-data/indicators.csv",
            "/api/public/actions", $"/api/public/actions/{id}", "/api/public/actions?changedSince=2000-01-01T00:00:00Z",
        };
        pages = [.. pages, $"/consult/{page}"];
        foreach (var url in pages)
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "Canaryperson", Email, Phone, TestAccounts.DefaultEditor, TestAccounts.DefaultEditor.Split('@')[0] })
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} shows \"{secret}\"");
        }
        // Nor does the search index hold them (the search page shows the words searched for).
        foreach (var word in new[] { "amina", "canaryperson", "example.org" })
            Assert.Contains("0 actions found", await reader.GetStringAsync("/actions?q=" + word), StringComparison.Ordinal);
        // The consultation the organisation chose to show is there, and the comment, without who wrote it.
        Assert.Contains("Traders will pay less for light.", await reader.GetStringAsync($"/actions/{id}"), StringComparison.Ordinal);
        Assert.Contains("Start with the central market.", await reader.GetStringAsync($"/consult/{page}"), StringComparison.Ordinal);
        // The page and the exports are the action's, not empty ones.
        foreach (var url in new[] { $"/actions/{id}", $"/actions/{id}/iati.xml", "/open-data/iati.xml", "/open-data/actions.csv", $"/api/public/actions/{id}" })
            Assert.Contains("Tamale", await reader.GetStringAsync(url), StringComparison.Ordinal);
    }

    /// Puts the personal text in every free text of the proposal the catalogue does not copy
    /// (codes and identifiers keep their values); returns how many it filled.
    private static int Fill(object node)
    {
        var count = 0;
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(node);
            if (property.PropertyType == typeof(string))
            {
                if (property.CanWrite && !Copied.Contains((node.GetType(), property.Name)) && IsFreeText(property))
                {
                    property.SetValue(node, Personal);
                    count++;
                }
            }
            else if (value is IList list)
            {
                foreach (var item in list)
                {
                    if (item is not null && !item.GetType().IsValueType && item is not string)
                        count += Fill(item);
                }
            }
            else if (value is not null && !property.PropertyType.IsValueType && property.PropertyType.Namespace == typeof(Proposal).Namespace)
                count += Fill(value);
        }
        return count;
    }

    private static bool IsFreeText(PropertyInfo property) =>
        !property.GetCustomAttributes().Any(a => a is IdentifierAttribute or CountryCodeAttribute or CurrencyCodeAttribute)
        && !property.Name.EndsWith("Id", StringComparison.Ordinal)
        && property.Name is not ("Code" or "TemplateVersion" or "VersionNumber" or "Sha256");
}
