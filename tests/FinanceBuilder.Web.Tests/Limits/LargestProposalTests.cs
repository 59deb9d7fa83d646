using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Tests.Documents;
using FinanceBuilder.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.Limits;

/// The largest proposal the model allows is packaged end to end: 20 components of 10 outputs of
/// 20 activities (4,000), each component described in 20,000 characters, every narrative at its
/// limit, 2,000 budget lines, 100 indicators, 100 risks, 200 timetable rows, 500 local
/// governments, 100 locations and 100 consultations. (Issue 14: a proposal inside every model
/// limit must never fail on a template's limit.)
[Trait("Database", "None")]
public sealed class LargestProposalTests
{
    private static readonly Lazy<string> Largest = new(Build);

    private static string Build()
    {
        var d = JsonNode.Parse(Samples.ReadText("crosscutting-cuenca-watershed-bus.json"))!.AsObject();
        var outcome = d["results"]!["outcomes"]![0]!["id"]!.GetValue<string>();
        var narrative = string.Concat(Enumerable.Repeat("The municipality restores the watershed and runs the new bus lanes. ", 400))[..NarrativeAttribute.MaxLength];

        var components = new JsonArray();
        for (var c = 1; c <= 20; c++)
        {
            var outputs = new JsonArray();
            for (var o = 1; o <= 10; o++)
            {
                var activities = new JsonArray();
                for (var a = 1; a <= 20; a++)
                    activities.Add(new JsonObject { ["id"] = $"{c}.{o}.{a}", ["name"] = $"Activity {c}.{o}.{a}", ["start"] = "2027-01-01", ["end"] = "2028-12-31" });
                outputs.Add(new JsonObject { ["id"] = $"{c}.{o}", ["name"] = $"Output {c}.{o}", ["outcomeIds"] = new JsonArray(outcome), ["activities"] = activities });
            }
            components.Add(new JsonObject { ["id"] = $"{c}", ["name"] = $"Component {c}", ["description"] = narrative, ["outputs"] = outputs });
        }
        d["components"] = components;

        // 2,000 lines: the sample's own (so the totals still reconcile) and zero-amount ones
        // spread over every output.
        var lines = d["budget"]!["lines"]!.AsArray();
        var all = new JsonArray();
        for (var i = 0; all.Count < 2_000; i++)
        {
            var line = lines[i % lines.Count]!.DeepClone().AsObject();
            var c = all.Count % 20 + 1;
            line["componentId"] = $"{c}";
            line["outputId"] = $"{c}.{all.Count / 20 % 10 + 1}";
            line.Remove("activityId");
            if (i >= lines.Count)
            {
                line["amount"] = new JsonObject { ["amount"] = 0, ["currency"] = line["amount"]!["currency"]!.GetValue<string>() };
                line.Remove("quantity");
                line.Remove("unitCost");
            }
            all.Add(line);
        }
        d["budget"]!["lines"] = all;

        Fill(d["results"]!["indicators"]!.AsArray(), 100, (item, k) => item["code"] = $"{item["code"]}-{k}");
        Fill(d["risks"]!.AsArray(), 100);
        Fill(d["timetable"]!.AsArray(), 200);
        Fill(d["basics"]!["locations"]!.AsArray(), 100);
        Fill(d["stakeholders"]!["consultations"]!.AsArray(), 100);
        var places = new JsonArray();
        for (var k = 0; k < 500; k++)
            places.Add(new JsonObject { ["name"] = $"Parroquia {k}", ["level"] = "municipality", ["countryCode"] = "EC", ["population"] = 1_000 });
        d["basics"]!["localGovernments"] = places;

        var n = d["narratives"]!.AsObject();
        foreach (var key in new[] { "executiveSummary", "projectDescription", "theoryOfChange", "justificationForGcf", "exitStrategy" })
            n[key] = narrative;
        foreach (var key in n["investmentCriteria"]!.AsObject().Select(p => p.Key).ToList())
            n["investmentCriteria"]![key] = narrative;
        return d.ToJsonString();
    }

    private static void Fill(JsonArray list, int count, Action<JsonObject, int>? change = null)
    {
        var originals = list.Select(x => x!.DeepClone()).ToList();
        while (list.Count < count)
        {
            var item = originals[list.Count % originals.Count].DeepClone().AsObject();
            change?.Invoke(item, list.Count);
            list.Add(item);
        }
    }

    [Fact]
    public void TheLargestProposal_IsInsideEveryLimitOfTheFile()
    {
        var read = new ProposalReader().Read(System.Text.Encoding.UTF8.GetBytes(Largest.Value), CultureInfo.InvariantCulture);

        Assert.Empty(read.Errors);
        var p = read.Proposal!;
        Assert.Equal(4_000, p.Components.Sum(c => c.Outputs.Sum(o => o.Activities.Count)));
        Assert.Equal(2_000, p.Budget.Lines.Count);
        Assert.Equal(500, p.Basics.LocalGovernments.Count);
    }

    [Theory]
    [InlineData("gcf-funding-proposal", "en")]
    [InlineData("gcf-sap", "fr")]
    [InlineData("gcf-concept-note", "en")]
    public async Task TheLargestProposal_IsPackaged(string pack, string lang)
    {
        var clock = Stopwatch.StartNew();
        var package = await TestPackages.BuildAsync(Largest.Value, pack, lang);
        clock.Stop();

        using var pdf = PdfDocument.Open(package.File("pdf")!.Content);
        Assert.True(pdf.NumberOfPages > (pack == "gcf-concept-note" ? 20 : 150), $"{pdf.NumberOfPages} pages");
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(package.File("docx")!.Content), false);
        if (pack != "gcf-concept-note") // the concept note lists components, not activities
            Assert.Contains("20.10.20 Activity 20.10.20", docx.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.NotNull(package.File("xlsx"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }
}
