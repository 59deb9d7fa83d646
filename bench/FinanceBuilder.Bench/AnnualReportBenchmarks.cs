using BenchmarkDotNet.Attributes;
using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Monitoring;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Bench;

/// Issue 17's figure: the annual performance report of a large project — 40 indicators reported
/// over 10 years (one value in five corrected), 5 components, 3 co-financiers, 8 action-plan
/// items, 12 risks, two disbursements a year — as its whole package (PDF, DOCX, XLSX, JSON, zip),
/// and the report model alone. Target: under 2 s for the package on 2 cores.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*AnnualReportBenchmarks*' --job short
[MemoryDiagnoser]
[GcServer(true)]
public class AnnualReportBenchmarks
{
    public const int Indicators = 40;
    public const int Years = 10;

    private MonitoredProject project = null!;
    private AnnualReport report = null!;
    private AnnualReportPackage packages = null!;

    [GlobalSetup]
    public void Setup()
    {
        project = LargeProject(Indicators, Years);
        report = AnnualReport.For(project, project.Approval.LastYear, "Northern Region municipal solar and resilience programme", new Dictionary<Guid, string>());
        packages = new AnnualReportPackage(DocumentBenchmarks.Packs(), TimeProvider.System);
        var built = packages.Build(report, "en");
        // FB_BENCH_SAVE=folder keeps the package to look at (pdftoppm).
        if (Environment.GetEnvironmentVariable("FB_BENCH_SAVE") is { Length: > 0 } folder)
            File.WriteAllBytes(Path.Combine(folder, built.Zip.Name), built.Zip.Content);
        Console.WriteLine($"// package: {built.Files.Count} files, {built.Zip.Content.Length / 1024} KiB zip, PDF {built.Files[0].Content.Length / 1024} KiB, {report.Findings.Count} findings");
    }

    [Benchmark(Baseline = true, Description = "APR package (PDF + DOCX + XLSX + JSON + zip)")]
    public int Package() => packages.Build(report, "en").Zip.Content.Length;

    [Benchmark(Description = "APR package in French")]
    public int PackageFrench() => packages.Build(report, "fr").Zip.Content.Length;

    [Benchmark(Description = "report model and checks only")]
    public int Model() => AnnualReport.For(project, project.Approval.LastYear, "Northern Region municipal solar and resilience programme", new Dictionary<Guid, string>()).Findings.Count;

    /// A project as large as a regional programme's: every figure made up but plausible.
    public static MonitoredProject LargeProject(int indicators, int years)
    {
        var proposal = Guid.NewGuid();
        var approval = new ApprovalRecord
        {
            Id = Guid.NewGuid(),
            ProposalId = proposal,
            SubmissionNumber = 2,
            BoardMeeting = "B.38",
            ApprovedOn = new DateOnly(2016, 3, 14),
            FirstYear = 2016,
            LastYear = 2016 + years - 1,
            DueDaysAfterYearEnd = 60,
            ApprovedAmounts = ApprovedAmounts.Write([new ApprovedAmount(FinancialInstrument.Grant, 24_000_000m), new ApprovedAmount(FinancialInstrument.SeniorLoan, 16_000_000m)]),
        };
        var plan = new ApprovedPlan(
            [.. Enumerable.Range(1, 5).Select(c => new PlannedComponent(c.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Component {c}: municipal investment and capacity building in the northern communes",
                5_000_000m, 2_000_000m, Enumerable.Range(2016, years).ToDictionary(y => y, _ => 700_000m)))],
            [.. Enumerable.Range(1, 3).Select(c => new PlannedCoFinancier($"co{c}", $"Co-financier {c}, development bank sovereign loan on-lent to the municipalities", FinancialInstrument.SeniorLoan, 4_000_000m))],
            [.. Enumerable.Range(1, 8).Select(a => new PlannedAction($"g{a}", ActionPlanKind.Gender, $"Gender action {a}: at least 40 % of trainees and 30 % of committee members are women, with childcare during sessions", new DateOnly(2020, 12, 31)))],
            [.. Enumerable.Range(1, 12).Select(r => new PlannedRisk($"r{r}", (RiskCategory)(r % 8), $"Risk {r}: delays in procurement or cost increases beyond the contingency of the component", Rating.Medium, Rating.High, "Framework contracts and a quarterly review of prices"))]);
        approval.Plan = plan.Write();
        var list = new List<MonitoredIndicator>();
        for (var i = 0; i < indicators; i++)
        {
            var level = i < 4 ? ResultLevel.Impact : i < 14 ? ResultLevel.Outcome : ResultLevel.Output;
            list.Add(new MonitoredIndicator
            {
                Id = Guid.NewGuid(),
                ApprovalId = approval.Id,
                ProposalId = proposal,
                Position = i,
                Code = $"{level.ToString()[0]}{i / 4 + 1}.{i % 4 + 1}",
                Level = level,
                Name = $"Indicator {i + 1}: households and public buildings served by the new solar and drainage works in the northern communes",
                Unit = i % 5 == 0 ? "people" : "units",
                BaselineValue = 0,
                BaselineYear = 2015,
                MidTermTarget = 5_000 + (i * 100),
                FinalTarget = 10_000 + (i * 250),
                Frequency = Frequency.Annual,
                BySex = i % 5 == 0,
                Cumulative = i % 3 == 0,
                MeansOfVerification = "Municipal registers, verified by the implementing entity",
            });
        }
        var values = new List<IndicatorValue>();
        long id = 1;
        foreach (var indicator in list)
        {
            for (var y = 0; y < years; y++)
            {
                var value = (indicator.FinalTarget!.Value / years) * (y + 1);
                var first = new IndicatorValue
                {
                    Id = id++,
                    IndicatorId = indicator.Id,
                    ProposalId = proposal,
                    Year = 2016 + y,
                    Value = value,
                    Source = "Municipal register of connections",
                    Women = indicator.BySex ? Math.Round(value * 0.52m) : null,
                    Men = indicator.BySex ? Math.Round(value * 0.48m) : null,
                    MeasuredOn = new DateOnly(2016 + y, 12, 15),
                    EvidenceReference = "https://example.org/evidence/" + indicator.Code,
                    EnteredByName = "Officer",
                };
                values.Add(first);
                if ((indicator.Position + y) % 5 == 0)
                    values.Add(new IndicatorValue { Id = id++, IndicatorId = indicator.Id, ProposalId = proposal, Year = first.Year, Value = value + 10, Source = first.Source, CorrectsId = first.Id, CorrectionReason = "Late returns from two communes", EnteredByName = "Officer" });
            }
        }
        var entries = new List<RoundEntry>();
        for (var y = 0; y < years; y++)
        {
            var year = 2016 + y;
            entries.Add(Entry(ref id, proposal, year, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(year, 3, 1), FinancialInstrument.Grant, 1_200_000m, "Transfer A")));
            entries.Add(Entry(ref id, proposal, year, EntrySection.Disbursement, "d2", new DisbursementData(new DateOnly(year, 9, 1), FinancialInstrument.SeniorLoan, 800_000m, "Transfer B")));
            foreach (var component in plan.Components)
                entries.Add(Entry(ref id, proposal, year, EntrySection.Expenditure, component.Id, new ExpenditureData(450_000m, 150_000m)));
            foreach (var cofinancier in plan.CoFinanciers)
                entries.Add(Entry(ref id, proposal, year, EntrySection.CoFinancing, cofinancier.Id, new CoFinancingData(300_000m)));
            foreach (var action in plan.Actions)
                entries.Add(Entry(ref id, proposal, year, EntrySection.Action, action.Key, new ActionData(ActionStatus.OnTrack, "Quarterly review held", null, ActionPlanKind.Gender)));
            foreach (var risk in plan.Risks)
                entries.Add(Entry(ref id, proposal, year, EntrySection.Risk, risk.Key, new RiskData(Rating.Low, Rating.Medium, "Mitigation working")));
        }
        return new MonitoredProject
        {
            Approval = approval,
            Indicators = list,
            Rounds = MonitoringPlan.Rounds(approval),
            Values = new ValueHistory(values),
            Entries = new EntryHistory(entries),
            Plan = plan,
        };
    }

    private static RoundEntry Entry<T>(ref long id, Guid proposal, int year, EntrySection section, string key, T data) =>
        new() { Id = id++, ProposalId = proposal, Year = year, Section = section, Key = key, Data = RoundEntryData.Write(data), EnteredByName = "Officer" };
}
