using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Documents;
using FinanceBuilder.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace FinanceBuilder.Web.Tests.RealProjects;

/// Real, Board-approved GCF projects of local governments (samples/real/, sources and gaps in
/// docs/real-projects/): each validates without an error unless its published figures conflict,
/// its package prints every published key figure exactly, in English and French, and three
/// defects planted in it — a mistyped amount, a figure in the text that disagrees, an eligibility
/// breach — are each caught by the rule meant to catch them, with a message in both languages.
[Trait("Database", "None")]
public sealed partial class RealProjectTests
{
    private static readonly ProposalValidation Validation = new(new RuleCatalogue(RuleSettings.Default));

    /// The figures the GCF published for each project (GCF Open Data Library), as the file holds
    /// them, and the errors its published figures themselves cause, with why.
    public sealed record Published(
        string File, string Pack, decimal Gcf, decimal CoFinancing, decimal Total, long Direct, long Indirect, int Months,
        string FirstLocalGovernment, int LocalGovernments, string[] ErrorsFromPublishedFigures);

    private static readonly Published[] Projects =
    [
        new("real/sap032-benin-local-communes-fr.json", "gcf-sap", 9_387_720, 495_352, 9_883_072, 400_000, 2_280_000, 72, "Banikoara", 25, []),
        new("real/sap038-bhutan-care-lg.json", "gcf-sap", 10_000_000, 0, 10_000_000, 70_510, 144_463, 60, "Gewogs prioritised", 120,
            // The GCF lists SAP038 as "Small", but a total of exactly USD 10 million is Micro
            // (up to and including USD 10 million; the GCF lists SAP040, also USD 10 million, as Micro).
            ["R-010"]),
        new("real/sap009-lao-urban-eba.json", "gcf-sap", 10_000_000, 1_500_000, 11_500_000, 74_600, 825_000, 60, "Vientiane", 4, []),
        new("real/fp169-micronesia-local-authorities.json", "gcf-funding-proposal", 16_591_556, 3_119_081, 19_710_637, 54_301, 92_016, 84, "Yap State", 69, []),
        new("real/fp208-haiti-trois-rivieres-fr.json", "gcf-funding-proposal", 22_427_206, 8_863_355, 31_290_561, 292_600, 441_272, 96, "Plaisance", 7, []),
    ];

    public static TheoryData<string> Files => [.. Projects.Select(p => p.File)];

    public static TheoryData<string, string> FilesAndLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var project in Projects)
            {
                data.Add(project.File, "en");
                data.Add(project.File, "fr");
            }
            return data;
        }
    }

    private static Published Of(string file) => Projects.Single(p => p.File == file);

    private static Proposal Load(string file)
    {
        var read = new ProposalReader().Read(Samples.Read(file), CultureInfo.InvariantCulture);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors.Select(e => e.Message)));
        return read.Proposal!;
    }

    [Fact]
    public void TheRealProjects_AreAtLeastFive_TwoSaps_OneFundingProposal_OneInFrench_FromSeveralRegions()
    {
        var proposals = Projects.Select(p => Load(p.File)).ToList();

        Assert.Equal(Samples.RealNames.Count, Projects.Length); // every file in samples/real/ is checked here
        Assert.True(proposals.Count >= 5);
        Assert.True(proposals.Count(p => p.Target.Route == Route.Sap) >= 2);
        Assert.Contains(proposals, p => p.Target.Route == Route.FundingProposal);
        Assert.Contains(proposals, p => p.Language == Language.Fr);
        Assert.True(proposals.SelectMany(p => p.Basics.Countries.Select(c => c.Code)).Distinct().Count() >= 5);
        foreach (var project in Projects)
            Assert.True(File.Exists(Path.Combine(Samples.RepositoryRoot, "docs", "real-projects", Code(project.File) + ".md")), $"docs/real-projects/{Code(project.File)}.md records the sources and gaps");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ValidatesWithoutError_UnlessItsPublishedFiguresConflict(string file)
    {
        var project = Of(file);
        var report = Validation.Validate(Load(file));

        var errors = report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.RuleId).ToList();
        Assert.Equal(project.ErrorsFromPublishedFigures, errors);
        Assert.Equal(project.Gcf, report.Figures.GcfRequest);
        Assert.Equal(project.CoFinancing, Math.Round(report.Figures.CoFinancing!.Value));
        Assert.Equal(project.Total, Math.Round(report.Figures.TotalFinancing!.Value));
        Assert.Equal((project.Direct, project.Indirect), (report.Figures.DirectBeneficiaries, report.Figures.IndirectBeneficiaries));
    }

    [Theory]
    [MemberData(nameof(FilesAndLanguages))]
    public async Task Package_PrintsEveryPublishedKeyFigure(string file, string lang)
    {
        var project = Of(file);
        var culture = CultureInfo.GetCultureInfo(lang);
        var package = await TestPackages.BuildAsync(Samples.ReadText(file), project.Pack, lang);

        using var pdf = PdfDocument.Open(package.File("pdf")!.Content);
        var text = Flat(string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))));
        string[] expected =
        [
            NumberText.Money(project.Gcf, "USD", culture),
            NumberText.Money(project.Total, "USD", culture),
            project.CoFinancing > 0 ? NumberText.Money(project.CoFinancing, "USD", culture) : ProposalText.Get("Figure.NoCoFinancing", culture),
            NumberText.Format(project.Direct, culture),
            NumberText.Format(project.Indirect, culture),
            $"{project.Months} {(lang == "fr" ? "mois" : "months")}",
            project.FirstLocalGovernment,
            // The result areas' shares as published (SAP032: 20.22 % and 29.78 %).
            .. Load(file).Basics.ResultAreas.Select(a => NumberText.Format(a.SharePercent!.Value, culture) + (lang == "fr" ? "\u00a0%" : "%")),
        ];
        foreach (var figure in expected)
            Assert.True(text.Contains(Flat(figure), StringComparison.Ordinal), $"{Code(file)} ({lang}) should print “{figure}”");

        // The local governments: counted in the SAP's A.1, listed one per row in the funding
        // proposal's B.3 (read from the DOCX, where a cell's name is one paragraph).
        if (project.Pack == "gcf-sap")
        {
            Assert.Contains(Flat($"({NumberText.Format(project.LocalGovernments, culture)})"), text, StringComparison.Ordinal);
        }
        else
        {
            using var docx = WordprocessingDocument.Open(new MemoryStream(package.File("docx")!.Content), false);
            var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => Flat(p.InnerText)).ToHashSet();
            var places = Load(file).Basics.LocalGovernments;
            Assert.Equal(project.LocalGovernments, places.Sum(l => l.Places()));
            foreach (var place in places)
                Assert.Contains(Flat(place.Count is { } n ? $"{place.Name} ({NumberText.Format(n, culture)})" : place.Name!), paragraphs);
        }
    }

    /// Printed to the unit, the budget tables add up both ways — a co-financing given in CFA
    /// francs converts with cents, and cells rounded one by one used to miss the total by one.
    [Theory]
    [MemberData(nameof(Files))]
    public void BudgetTables_AddUpAsPrinted(string file)
    {
        var proposal = Load(file);
        var model = FinanceBuilder.Web.Features.Documents.DocumentModel.For(proposal, Validation.Validate(proposal));
        var budget = (Dictionary<string, object?>)model["budget"]!;
        static long N(object? cell) => long.Parse(new string(((string)cell!).Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
        var rows = ((List<object>)budget["by_component"]!).Cast<Dictionary<string, object?>>().ToList();

        Assert.Equal(N(budget["gcf"]), rows.Sum(r => N(r["gcf"])));
        Assert.Equal(N(budget["cofinancing"]), rows.Sum(r => N(r["cofinancing"])));
        Assert.Equal(N(budget["total"]), rows.Sum(r => N(r["total"])));
        Assert.All(rows, r => Assert.Equal(N(r["total"]), N(r["gcf"]) + N(r["cofinancing"])));
        Assert.Equal(N(budget["total"]), ((List<object>)budget["year_totals"]!).Sum(N));
        Assert.Equal(Of(file).Total, N(budget["total"]));
    }

    /// A resource-protection record of an adaptation measure's land is that land: IRMF core 4
    /// counts it once (SAP009's 800 ha of wetlands and 700 ha of streams; FP169's 180 + 240 ha).
    [Theory]
    [InlineData("real/sap009-lao-urban-eba.json", "1,500")]
    [InlineData("real/fp169-micronesia-local-authorities.json", "420")]
    public void Hectares_OfOneArea_AreCountedOnce(string file, string expected)
    {
        var proposal = Load(file);
        proposal.Language = Language.En;
        var figures = (Dictionary<string, object?>)FinanceBuilder.Web.Features.Documents.DocumentModel.For(proposal, Validation.Validate(proposal))["figures"]!;

        Assert.Equal(expected, figures["hectares"]);
        proposal.ResourceProtection.ForEach(r => r.AdaptationMeasureId = null);
        var doubled = (Dictionary<string, object?>)FinanceBuilder.Web.Features.Documents.DocumentModel.For(proposal, Validation.Validate(proposal))["figures"]!;
        Assert.NotEqual(expected, doubled["hectares"]);
    }

    /// Three realistic mistakes, each caught by the rule meant for it, in both languages.
    [Theory]
    [MemberData(nameof(Files))]
    public void PlantedDefects_AreEachCaughtByTheirRule_InEnglishAndFrench(string file)
    {
        var project = Of(file);

        // 1. A typo in an amount: 9,387,720 typed 9,378,720 — the budget no longer adds up to it.
        var typo = Load(file);
        var typed = typo.Financing.GcfInstruments[0].Amount;
        typo.Financing.GcfInstruments[0].Amount = new Money { Amount = Transpose(typed.Amount), Currency = typed.Currency };
        AssertCaught(file, typo, "R-024", Severity.Error);

        // 2. The summary quotes a GCF amount the financing does not give.
        var text = Load(file);
        var culture = CultureInfo.GetCultureInfo(text.Language == Language.Fr ? "fr" : "en");
        var wrong = NumberText.Money(project.Gcf + 150_000, "USD", culture);
        text.Narratives.ExecutiveSummary += text.Language == Language.Fr
            ? $"\n\nLe don du FVC de {wrong} finance l’ensemble des investissements."
            : $"\n\nThe GCF grant of {wrong} finances all the investments.";
        AssertCaught(file, text, "R-077", Severity.Warning);

        // 3. An eligibility breach: a SAP that affects Indigenous Peoples (excluded from the SAP);
        //    a funding proposal riskier than its accredited entity may carry.
        var breach = Load(file);
        if (breach.Target.Route == Route.Sap)
        {
            breach.Safeguards.Screening.IndigenousPeoplesPresent = true;
            AssertCaught(file, breach, "R-015", Severity.Error);
        }
        else
        {
            breach.Applicant.AccreditedEntity.Scope.MaxRiskCategory = EssCategory.C;
            AssertCaught(file, breach, "R-005", Severity.Error);
        }
    }

    private static void AssertCaught(string file, Proposal proposal, string rule, Severity severity)
    {
        var before = Validation.Validate(Load(file)).Findings.Where(f => f.RuleId == rule && f.Severity == severity).ToList();
        var found = Validation.Validate(proposal).Findings.Where(f => f.RuleId == rule && f.Severity == severity).ToList();

        Assert.True(found.Count > before.Count, $"{Code(file)}: {rule} should catch the planted defect");
        foreach (var finding in found)
        {
            var english = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("en"));
            var french = RuleMessages.Render(finding, CultureInfo.GetCultureInfo("fr"));
            Assert.False(string.IsNullOrWhiteSpace(english));
            Assert.NotEqual(english, french);
        }
    }

    /// Two neighbouring digits swapped, the commonest typing mistake: 9,387,720 → 9,378,720.
    private static decimal Transpose(decimal amount)
    {
        var digits = ((long)amount).ToString(CultureInfo.InvariantCulture).ToCharArray();
        for (var i = 2; i < digits.Length - 1; i++)
        {
            if (digits[i] != digits[i + 1])
            {
                (digits[i], digits[i + 1]) = (digits[i + 1], digits[i]);
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }
        return amount + 9_000;
    }

    private static string Code(string file) => Path.GetFileName(file).Split('-')[0].ToUpperInvariant();

    /// Text as PdfPig reads it: any kind of space is one space.
    private static string Flat(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"[\s\u00A0\u202F]+")]
    private static partial Regex Spaces();
}
