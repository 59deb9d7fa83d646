using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using static FinanceBuilder.Web.Tests.Documents.PackTestKit;

namespace FinanceBuilder.Web.Tests.Documents;

/// The funding-proposal and SAP packs render every sample in both languages: the funder's
/// headings in order, the tables and charts with the computed figures (R-080), and user text
/// printed literally.
public sealed class FundingPackTests
{
    private sealed record Expected(
        string[] Sections, string[] Items, int PageBreaks, string BudgetHeader, string ChartKindForEmissions,
        string[] RiskHeader, string[] ResultsHeader, string[] AnnexHeader, string[] TimetableHeader, string[]? InstrumentHeader);

    private static readonly string[] FpItems =
    [
        "A.19", "A.20", "A.21", "B.1", "B.2", "B.3", "B.4", "B.5", "B.6", "C.1", "C.2", "C.3",
        "D.1", "D.2", "D.3", "D.4", "D.5", "D.6", "E.1", "E.2", "E.3", "E.4", "E.5", "E.6", "F.1", "G.1", "G.2", "G.3", "G.4",
    ];

    private static readonly string[] SapItems =
    [
        "A.2", "B.1", "B.2", "C.1", "C.2", "C.3", "C.4", "D.1", "D.2", "D.3",
        "E.1", "E.2", "E.3", "E.4", "E.5", "E.6", "F.1", "F.2", "F.3", "F.4", "H.1", "H.2", "H.3",
    ];

    private static readonly Dictionary<(string Pack, Language Language), Expected> Structure = new()
    {
        [("gcf-funding-proposal", Language.En)] = new(
            ["A. Project/programme summary", "B. Project/programme information", "C. Financing information",
             "D. Expected performance against investment criteria", "E. Logical framework", "F. Risk assessment and management",
             "G. GCF policies and standards", "H. Annexes"],
            FpItems, 9, "Component", "Column",
            ["Risk factor", "Description", "Probability", "Impact", "Mitigation measures"], ["Indicator (unit)", "Baseline (year)", "Mid-term target"],
            ["Annex", "Document", "Type", "Status"], ["Task or milestone", "Activity", "Start", "End", "Milestone"],
            ["Financial instrument", "GCF", "Co-financing", "Total", "Share of total"]),
        [("gcf-funding-proposal", Language.Fr)] = new(
            ["A. Résumé du projet/programme", "B. Informations sur le projet/programme", "C. Informations financières",
             "D. Performance attendue au regard des critères d’investissement", "E. Cadre logique", "F. Évaluation et gestion des risques",
             "G. Politiques et normes du FVC", "H. Annexes"],
            FpItems, 9, "Composante", "Column",
            ["Facteur de risque", "Description", "Probabilité", "Impact", "Mesures d’atténuation"], ["Indicateur (unité)", "Référence (année)", "Cible à mi-parcours"],
            ["Annexe", "Document", "Type", "État"], ["Tâche ou jalon", "Activité", "Début", "Fin", "Jalon"],
            ["Instrument financier", "FVC", "Cofinancement", "Total", "Part du total"]),
        [("gcf-sap", Language.En)] = new(
            ["A. Summary", "B. Financing/cost information", "C. Detailed description", "D. Rationale for GCF involvement",
             "E. Expected performance against investment criteria", "F. Appraisal summary", "G. Risk assessment and management",
             "H. Results monitoring and reporting", "I. Annexes"],
            SapItems, 3, "Component", "Line",
            ["Risk factor", "Description", "Probability", "Impact", "Mitigation measures"], ["Indicator (unit)", "Baseline", "Mid-term target"],
            ["Annex", "Document", "Status"], ["Task or milestone", "Activity", "Start", "End", "Milestone"], null),
        [("gcf-sap", Language.Fr)] = new(
            ["A. Résumé", "B. Informations sur le financement et les coûts", "C. Description détaillée", "D. Justification de l’intervention du FVC",
             "E. Performance attendue au regard des critères d’investissement", "F. Synthèse de l’évaluation", "G. Évaluation et gestion des risques",
             "H. Suivi des résultats et rapports", "I. Annexes"],
            SapItems, 3, "Composante", "Line",
            ["Facteur de risque", "Description", "Probabilité", "Impact", "Mesures d’atténuation"], ["Indicateur (unité)", "Référence", "Cible à mi-parcours"],
            ["Annexe", "Document", "État"], ["Tâche ou jalon", "Activité", "Début", "Fin", "Jalon"], null),
    };

    public static TheoryData<string, string, Language> Cases()
    {
        var data = new TheoryData<string, string, Language>();
        foreach (var pack in new[] { "gcf-funding-proposal", "gcf-sap" })
            foreach (var sample in SampleNames)
                foreach (var language in new[] { Language.En, Language.Fr })
                    data.Add(pack, sample, language);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sample_Renders_TheFundersStructure_WithComputedFigures(string pack, string sample, Language language)
    {
        var proposal = Sample(sample, language);
        var culture = new CultureInfo(language.ToString().ToLowerInvariant());
        var expected = Structure[(pack, language)];
        var figures = KeyFigures.Compute(proposal);
        var budget = BudgetBreakdown.Of(proposal);

        var document = Read(pack, proposal);

        // The funder's headings, in the template's order; the sections' page breaks.
        Assert.Equal([proposal.Basics.Title!, .. expected.Sections], Headings(document, 1));
        Assert.Equal(expected.Items, Headings(document, 2).Select(h => h.Split(' ')[0]));
        Assert.Equal(expected.PageBreaks, document.Blocks.OfType<PageBreak>().Count());
        Assert.Single(document.Blocks.OfType<TableOfContents>());

        // Key figures computed from the data, formatted in the proposal's language.
        var text = TableText(document);
        Assert.Contains(NumberText.Money(figures.TotalFinancing!.Value, figures.ReportingCurrency, culture).Replace(" ", "\u00A0", StringComparison.Ordinal), text, StringComparison.Ordinal);
        Assert.Contains(NumberText.Money(figures.GcfRequest!.Value, figures.ReportingCurrency, culture).Replace(" ", "\u00A0", StringComparison.Ordinal), text, StringComparison.Ordinal);
        if (figures.LifetimeTco2e is { } tonnes)
            Assert.Contains(NumberText.Format(Math.Round(tonnes), culture), text, StringComparison.Ordinal);

        // Budget by component and year: one column per year, totals both ways.
        var years = budget.Lines.Select(l => l.Line.Year).Distinct().OrderBy(y => y).Select(y => y!.Value.ToString(CultureInfo.InvariantCulture));
        var byYear = TableStartingWith(document, [expected.BudgetHeader, .. years, "Total"]);
        var components = budget.Lines.Select(l => l.Line.ComponentId).Distinct().Count();
        Assert.Equal(components + 2, byYear.Rows.Count);
        Assert.Equal(NumberText.Format(Math.Round(budget.Total), culture), Text(byYear.Rows[^1][^1]));

        if (expected.InstrumentHeader is { } instrumentHeader)
        {
            var byInstrument = TableStartingWith(document, instrumentHeader);
            Assert.Equal(NumberText.Money(figures.TotalFinancing.Value, figures.ReportingCurrency, culture).Replace(" ", "\u00A0", StringComparison.Ordinal), Text(byInstrument.Rows[^1][3]));
        }
        // One table per risk factor, as the funder's template sets them out: numbered, its
        // category in the header, its text given the width of the page.
        var risks = document.Blocks.OfType<Table>().Where(t => Text(t.Rows[0][0]).StartsWith(expected.RiskHeader[0] + "\u00A0", StringComparison.Ordinal)).ToList();
        Assert.Equal(proposal.Risks.Count, risks.Count);
        Assert.All(risks, (t, i) =>
        {
            Assert.Equal($"{expected.RiskHeader[0]}\u00A0{i + 1}", Text(t.Rows[0][0])); // the number never alone on a line
            Assert.Equal(expected.RiskHeader[1..], t.Rows.Skip(1).Take(4).Select(r => Text(r[0])));
        });
        // One table per level of result, one row per indicator.
        Assert.Equal(proposal.Results.Indicators.Count, document.Blocks.OfType<Table>().Where(t => HeaderCells(t).Take(expected.ResultsHeader.Length).SequenceEqual(expected.ResultsHeader)).Sum(t => t.Rows.Count - 1));
        Assert.Equal(proposal.Annexes.Count + 1, TableStartingWith(document, expected.AnnexHeader).Rows.Count);
        Assert.Equal(proposal.Timetable.Count + 1, TableStartingWith(document, expected.TimetableHeader).Rows.Count);

        // Budget by component chart: one bar per component, GCF and co-financing series that add up.
        var bar = Assert.Single(document.Blocks.OfType<Chart>(), c => c.Kind == ChartKind.Bar);
        Assert.Equal(components, bar.Labels.Count);
        Assert.Equal(2, bar.Series.Count);
        Assert.Equal((double)budget.TotalOf(FundingSourceKind.Gcf), bar.Series[0].Values.Sum(), 2);
        Assert.Equal((double)budget.TotalOf(FundingSourceKind.CoFinancing), bar.Series[1].Values.Sum(), 2);

        // Emission reductions: one value per year of the lifespan, only for projects that mitigate.
        var emissionCharts = document.Blocks.OfType<Chart>().Where(c => c.Kind.ToString() == expected.ChartKindForEmissions).ToList();
        if (figures.LifetimeTco2e is > 0)
        {
            var chart = Assert.Single(emissionCharts);
            Assert.Equal(proposal.Basics.LifespanYears, chart.Labels.Count);
            Assert.All(chart.Series[0].Values, v => Assert.True(v >= 0));
        }
        else
        {
            Assert.Empty(emissionCharts);
        }
    }

    [Theory]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-sap", Language.En)]
    [InlineData("gcf-sap", Language.Fr)]
    [InlineData("gcf-concept-note", Language.En)]
    [InlineData("gcf-concept-note", Language.Fr)]
    public void EmptyProposal_SaysNotAnswered_InADraft_AndHasNoCharts(string pack, Language language)
    {
        var document = Read(pack, new Proposal { Language = language });

        var notAnswered = language == Language.Fr ? "Sans réponse" : "Not answered";
        Assert.NotEmpty(Headings(document, 1));
        Assert.Empty(document.Blocks.OfType<Chart>());
        // A concept note's rules find no error in an empty proposal (completeness is the
        // readiness score's): it is written as a final document, with nothing to say.
        if (pack != "gcf-concept-note")
        {
            Assert.Contains(notAnswered, TableText(document), StringComparison.Ordinal);
            Assert.Contains(document.Blocks.OfType<Paragraph>(), p => p.Runs is [{ Italic: true } run] && run.Text == notAnswered);
        }
        Assert.DoesNotContain("—", AllText(document), StringComparison.Ordinal);
        Assert.DoesNotContain("\uE000", AllText(document), StringComparison.Ordinal);
    }

    /// The cover's submission dates are written as the funder's template asks, YYYY/MM/DD, in
    /// every language and pack.
    [Theory]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-sap", Language.En)]
    [InlineData("gcf-concept-note", Language.En)]
    public void Cover_DatesFollowTheTemplate(string pack, Language language)
    {
        var proposal = Sample(SampleNames[0], language);
        proposal.Basics.FirstSubmissionDate = new DateOnly(2026, 3, 9);
        proposal.Basics.CurrentSubmissionDate = new DateOnly(2026, 11, 30);

        var cover = TableText(Read(pack, proposal));

        Assert.Contains("2026/03/09", cover, StringComparison.Ordinal);
        Assert.Contains("2026/11/30", cover, StringComparison.Ordinal);
    }

    /// An amount given in another currency than the reporting one is printed as given and as
    /// converted, with the exchange rate, its date and its source.
    [Theory]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-sap", Language.Fr)]
    [InlineData("gcf-concept-note", Language.En)]
    public void LocalCurrencyAmounts_AndTheirRates_ArePrinted(string pack, Language language)
    {
        var proposal = Sample("adaptation-cotonou-drainage-fr.json", language);
        var converted = proposal.Financing.CoFinancing[0].Amount.Amount;
        proposal.Financing.CoFinancing[0].Amount = new Money { Amount = Math.Round(converted / 0.001768m), Currency = "XOF" };

        var rows = Read(pack, proposal).Blocks.OfType<Table>().SelectMany(t => t.Rows).Select(r => string.Join(" | ", r.Select(Text)).Replace('\u00A0', ' ').Replace('\u202F', ' ')).ToList();

        var name = proposal.Financing.CoFinancing[0].Name!;
        Assert.Contains(rows, r => r.StartsWith(name + " | ", StringComparison.Ordinal) && r.Contains("XOF", StringComparison.Ordinal) && r.Contains("USD", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("1 XOF = ", StringComparison.Ordinal) && r.Contains("BCEAO", StringComparison.Ordinal));
    }

    /// A baseline's source (typed, or taken from the shared library of territorial indicators)
    /// is printed under the results framework, by indicator; without one, nothing is printed.
    [Theory]
    [InlineData("gcf-funding-proposal", Language.En, "Sources of the baselines: ")]
    [InlineData("gcf-funding-proposal", Language.Fr, "Sources des valeurs de référence\u00A0: ")]
    [InlineData("gcf-sap", Language.En, "Sources of the baselines: ")]
    [InlineData("gcf-sap", Language.Fr, "Sources des valeurs de référence\u00A0: ")]
    public void BaselineSources_ArePrintedByIndicator(string pack, Language language, string label)
    {
        var proposal = Sample("mitigation-tamale-solar-led.json", language);
        string Paragraphs() => string.Join("\n", Read(pack, proposal).Blocks.OfType<Paragraph>().Select(p => Text(p.Runs)));
        Assert.DoesNotContain(label, Paragraphs(), StringComparison.Ordinal);
        var indicator = proposal.Results.Indicators[0];
        indicator.BaselineSource = "Ghana Statistical Service, 2021 census.";

        Assert.Contains($"{label}{indicator.Code} Ghana Statistical Service, 2021 census.", Paragraphs(), StringComparison.Ordinal);
    }

    /// A.11 (A.1.17 in the SAP) says what is known of the period and nothing else: a duration
    /// without dates, dates without a duration, never "Not answered months".
    [Theory]
    [InlineData("gcf-funding-proposal", Language.En, "A.11 ", "months")]
    [InlineData("gcf-funding-proposal", Language.Fr, "A.11 ", "mois")]
    [InlineData("gcf-sap", Language.En, "A.1.17 ", "months")]
    [InlineData("gcf-sap", Language.Fr, "A.1.17 ", "mois")]
    public void ImplementationPeriod_PrintsOnlyWhatIsAnswered(string pack, Language language, string label, string unit)
    {
        var proposal = Sample("mitigation-tamale-solar-led.json", language);
        string Period() => Text(Read(pack, proposal).Blocks.OfType<Table>().SelectMany(t => t.Rows)
            .Single(r => Text(r[0]).StartsWith(label, StringComparison.Ordinal))[1]);
        Assert.Matches($@"^60\u00A0{unit} \(.*2027 – .*2032\)$", Period());

        proposal.Basics.ImplementationMonths = null;
        Assert.Matches(@"^\(.*2027 – .*2032\)$", Period());

        proposal.Basics.ImplementationMonths = 60;
        proposal.Basics.ImplementationStart = proposal.Basics.ImplementationEnd = null;
        Assert.Equal($"60\u00A0{unit}", Period());
    }

    /// A list with nothing in it — no outcome, no task — prints no header over nothing: a draft
    /// says "Not answered" under the heading, a final document has neither table nor words.
    [Theory]
    [InlineData(Language.En, "Not answered")]
    [InlineData(Language.Fr, "Sans réponse")]
    public void AnEmptyList_PrintsNoBareHeader(Language language, string notAnswered)
    {
        var proposal = Sample("mitigation-tamale-solar-led.json", language);
        proposal.Timetable.Clear();
        var header = language == Language.Fr ? "Tâche ou jalon" : "Task or milestone";

        var document = Read("gcf-funding-proposal", proposal);

        Assert.DoesNotContain(document.Blocks.OfType<Table>(), t => Text(t.Rows[0][0]) == header);
        var culture = new CultureInfo(language.ToString().ToLowerInvariant());
        List<ContentBlock> raw = [new Heading(2, [new TextRun("E.5")]), new Table([[[new TextRun(header)], [new TextRun("Start")]]], 1, [CellAlignment.Left, CellAlignment.Left]), new Heading(2, [new TextRun("E.6")])];
        var draft = Unanswered.Resolve(new ContentDocument(raw), draft: true, culture).Blocks;
        Assert.Equal(notAnswered, Text(Assert.IsType<Paragraph>(draft[1]).Runs));
        Assert.True(Assert.IsType<Paragraph>(draft[1]).Runs[0].Italic);
        var final = Unanswered.Resolve(new ContentDocument(raw), draft: false, culture).Blocks;
        Assert.Equal(["E.5", "E.6"], final.Select(b => Text(Assert.IsType<Heading>(b).Runs)));
    }

    /// A final document (no error) leaves an unanswered question out: no row with only its
    /// label, no dash, no "not answered".
    [Theory]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-concept-note", Language.En)]
    [InlineData("gcf-concept-note", Language.Fr)]
    public void FinalDocument_LeavesUnansweredQuestionsOut(string pack, Language language)
    {
        var proposal = Sample(SampleNames[0], language);
        var answered = Read(pack, proposal);
        proposal.Basics.FirstSubmissionDate = null; // an optional answer: the proposal stays final
        proposal.Basics.RfpName = null;

        var document = Read(pack, proposal);

        var text = AllText(document);
        Assert.DoesNotContain("—", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\uE000", text, StringComparison.Ordinal);
        Assert.DoesNotContain(language == Language.Fr ? "Sans réponse" : "Not answered", text, StringComparison.Ordinal);
        Assert.True(document.Blocks.OfType<Table>().Sum(t => t.Rows.Count) < answered.Blocks.OfType<Table>().Sum(t => t.Rows.Count));
    }

    private static string AllText(ContentDocument document) =>
        string.Join("\n", document.Blocks.OfType<Paragraph>().Select(p => Text(p.Runs))) + "\n" + TableText(document);

    [Theory]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-sap", Language.En)]
    [InlineData("gcf-sap", Language.Fr)]
    [InlineData("gcf-concept-note", Language.En)]
    [InlineData("gcf-concept-note", Language.Fr)]
    public void HostileUserText_IsPrintedLiterally(string pack, Language language)
    {
        const string Hostile = "{{ 7*7 }} <script>alert(1)</script> # heading | pipe |";
        const string Narrative = "# not a heading\n| a | b |\n|--|--|\n{{ 7*7 }} <script>x</script>";
        var plain = MarkdownReader.Read(Render(pack, Sample(SampleNames[0], language)));
        var proposal = Sample(SampleNames[0], language);
        proposal.Basics.Title = Hostile;
        proposal.Components[0].Name = Hostile;
        proposal.Risks[0].Description = Hostile;
        proposal.Annexes[0].Title = Hostile;
        proposal.Financing.CoFinancing[0].Name = Hostile;
        proposal.Results.Outcomes[0].Statement = Hostile;
        proposal.Narratives.ExecutiveSummary = Narrative;
        proposal.Narratives.ProjectDescription = Narrative;

        var markdown = Render(pack, proposal);
        var document = MarkdownReader.Read(markdown);

        Assert.Equal(Hostile, Headings(document, 1)[0]);
        // No heading, table, chart or page break more than the sample's own.
        Assert.Equal(plain.Blocks.OfType<Heading>().Count(), document.Blocks.OfType<Heading>().Count());
        Assert.Equal(plain.Blocks.OfType<Table>().Count(), document.Blocks.OfType<Table>().Count());
        Assert.Equal(plain.Blocks.OfType<Chart>().Count(), document.Blocks.OfType<Chart>().Count());
        Assert.Equal(plain.Blocks.OfType<PageBreak>().Count(), document.Blocks.OfType<PageBreak>().Count());
        Assert.Equal(plain.Blocks.OfType<Table>().Select(t => t.Rows.Count), document.Blocks.OfType<Table>().Select(t => t.Rows.Count));
        Assert.Contains(Hostile, TableText(document), StringComparison.Ordinal);
        Assert.Contains(document.Blocks.OfType<Chart>(), c => c.Labels.Any(l => l.Contains(Hostile, StringComparison.Ordinal)));
        var paragraphs = string.Join("\n", document.Blocks.OfType<Paragraph>().Select(p => Text(p.Runs)));
        Assert.Contains(Narrative, paragraphs, StringComparison.Ordinal);
        Assert.DoesNotContain("49 <script>", markdown, StringComparison.Ordinal);
    }
}
