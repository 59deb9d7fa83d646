using FinanceBuilder.Web.Data.Monitoring;
using FinanceBuilder.Web.Features.Monitoring;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Tests.Monitoring;

/// The annual report's checks (docs/rules.md, APR-01…03), a passing and a failing case each, on
/// a project built in memory: two indicators, a grant and a loan, one component, one co-financier.
public sealed class ReportCheckTests
{
    private static readonly Guid Proposal = Guid.NewGuid();
    private long nextId = 1;

    private static readonly ApprovalRecord Approval = new()
    {
        Id = Guid.NewGuid(),
        ProposalId = Proposal,
        SubmissionNumber = 1,
        BoardMeeting = "B.36",
        ApprovedOn = new DateOnly(2025, 3, 14),
        FirstYear = 2025,
        LastYear = 2027,
        DueDaysAfterYearEnd = 60,
        ApprovedAmounts = ApprovedAmounts.Write([new ApprovedAmount(FinancialInstrument.Grant, 1_000_000m), new ApprovedAmount(FinancialInstrument.SeniorLoan, 500_000m)]),
        Plan = new ApprovedPlan(
            [new PlannedComponent("1", "Works", 1_500_000m, 300_000m, new Dictionary<int, decimal>())],
            [new PlannedCoFinancier("city", "City", FinancialInstrument.Grant, 300_000m)], [], []).Write(),
    };

    private static readonly MonitoredIndicator People = new() { Id = Guid.NewGuid(), ProposalId = Proposal, Code = "C2.1", Level = ResultLevel.Impact, Cumulative = true, BySex = true, FinalTarget = 1000 };
    private static readonly MonitoredIndicator Energy = new() { Id = Guid.NewGuid(), ProposalId = Proposal, Code = "O1.1", Level = ResultLevel.Outcome, FinalTarget = 50 };

    private IndicatorValue Value(MonitoredIndicator indicator, int year, decimal? value, string? missing = null) =>
        new() { Id = nextId++, IndicatorId = indicator.Id, ProposalId = Proposal, Year = year, Value = value, MissingReason = missing, Source = "Survey" };

    private RoundEntry Entry<T>(int year, EntrySection section, string key, T data) =>
        new() { Id = nextId++, ProposalId = Proposal, Year = year, Section = section, Key = key, Data = RoundEntryData.Write(data) };

    private static AnnualReport Report(int year, IEnumerable<IndicatorValue> values, IEnumerable<RoundEntry>? entries = null, ApprovedPlan? plan = null)
    {
        var project = new MonitoredProject
        {
            Approval = Approval,
            Indicators = [People, Energy],
            Rounds = [.. MonitoringPlan.Rounds(Approval)],
            Values = new ValueHistory(values),
            Entries = new EntryHistory(entries ?? []),
            Plan = plan ?? ApprovedPlan.Read(Approval.Plan),
        };
        return AnnualReport.For(project, year, "Test project", new Dictionary<Guid, string>());
    }

    private static List<string> Found(AnnualReport report, string id) => [.. report.Findings.Where(f => f.Id == id).Select(f => f.Key + ":" + f.Subject)];

    [Fact]
    public void APR01_EveryDueIndicatorAnswered_Passes_WithAValueOrAReason() =>
        Assert.Empty(Found(Report(2025, [Value(People, 2025, 10), Value(Energy, 2025, null, "Meters not installed yet")]), "APR-01"));

    [Fact]
    public void APR01_EveryDueIndicatorAnswered_Fails_ForAnIndicatorLeftEmpty()
    {
        var report = Report(2025, [Value(People, 2025, 10)]);
        Assert.Equal(["ReportCheck.APR-01:O1.1"], Found(report, "APR-01"));
        Assert.True(report.HasErrors);
        Assert.Equal("O1.1 is due in 2025 but has no value and no reason for having none.", report.Findings[0].Message(new("en")));
    }

    [Fact]
    public void APR02_MoneyReconciles_Passes_WithinTheApprovedAmounts()
    {
        var entries = new[]
        {
            Entry(2025, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2025, 6, 1), FinancialInstrument.Grant, 600_000m, null)),
            Entry(2025, EntrySection.Expenditure, "1", new ExpenditureData(400_000m, 100_000m)),
            Entry(2025, EntrySection.CoFinancing, "city", new CoFinancingData(100_000m)),
        };
        Assert.Empty(Found(Report(2025, [Value(People, 2025, 1), Value(Energy, 2025, 1)], entries), "APR-02"));
    }

    [Fact]
    public void APR02_MoneyReconciles_Fails_WhenMoreIsDisbursedOrSpentThanApprovedOrReceived()
    {
        var entries = new[]
        {
            Entry(2025, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2025, 6, 1), FinancialInstrument.Grant, 900_000m, null)),
            Entry(2026, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2026, 6, 1), FinancialInstrument.Grant, 200_000m, null)),
            Entry(2026, EntrySection.Expenditure, "1", new ExpenditureData(1_600_000m, 0m)),
            Entry(2026, EntrySection.CoFinancing, "city", new CoFinancingData(350_000m)),
        };
        var report = Report(2026, [], entries);
        Assert.Equal(["ReportCheck.APR-02.Instrument:Grant", "ReportCheck.APR-02.Spent:", "ReportCheck.APR-02.Component:1", "ReportCheck.APR-02.CoFinancing:city"], Found(report, "APR-02"));
        Assert.Equal("Grant: USD 1,100,000 disbursed to date is more than the USD 1,000,000 approved for it.", report.Findings.First(f => f.Id == "APR-02").Message(new("en")));
        Assert.Equal("Don\u00A0: 1\u202F100\u202F000 USD décaissés à ce jour dépassent les 1\u202F000\u202F000 USD approuvés pour cet instrument.", report.Findings.First(f => f.Id == "APR-02").Message(new("fr")));
    }

    /// Spending is read against the components' budget, so that budget must add up to what the
    /// Board approved, to the dollar.
    [Fact]
    public void APR02_ComponentsBudget_ThatDoesNotAddUpToTheApproval_IsSaid()
    {
        var plan = ApprovedPlan.Read(Approval.Plan) with { Components = [new PlannedComponent("1", "Works", 1_499_999m, 300_000m, new Dictionary<int, decimal>())] };

        var report = Report(2025, [Value(People, 2025, 1), Value(Energy, 2025, 1)], plan: plan);

        Assert.Equal(["ReportCheck.APR-02.Budget:"], Found(report, "APR-02"));
        Assert.StartsWith("The approved components’ GCF budget adds up to USD 1,499,999, but the approval gives USD 1,500,000", report.Findings.Single().Message(new("en")), StringComparison.Ordinal);
    }

    /// The last year's report says what was never disbursed; earlier years are still under way.
    [Theory]
    [InlineData(2026, false)]
    [InlineData(2027, true)]
    public void APR02_TheFinalReport_SaysWhatWasNeverDisbursed(int year, bool said)
    {
        var entries = new[] { Entry(2025, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2025, 6, 1), FinancialInstrument.Grant, 1_000_000m, null)) };

        var report = Report(year, [], entries);

        Assert.Equal(said, Found(report, "APR-02").Contains("ReportCheck.APR-02.Undisbursed:"));
        if (said)
            Assert.StartsWith("Ce rapport est celui de la dernière année et 500\u202F000\u00A0USD des 1\u202F500\u202F000\u00A0USD approuvés", report.Findings.Single(f => f.Key == "ReportCheck.APR-02.Undisbursed").Message(new("fr")), StringComparison.Ordinal);
    }

    [Fact]
    public void APR02_AWithdrawnDisbursement_DoesNotCount()
    {
        var first = Entry(2025, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2025, 6, 1), FinancialInstrument.Grant, 1_200_000m, null));
        var withdrawn = Entry(2025, EntrySection.Disbursement, "d1", new DisbursementData(new DateOnly(2025, 6, 1), FinancialInstrument.Grant, 1_200_000m, null));
        withdrawn.Withdrawn = true;
        withdrawn.CorrectsId = first.Id;
        Assert.Empty(Found(Report(2025, [], [first, withdrawn]), "APR-02"));
    }

    [Fact]
    public void APR03_RunningTotalsNeverFall_Passes_WhenTheyGrow() =>
        Assert.Empty(Found(Report(2026, [Value(People, 2025, 100), Value(People, 2026, 150), Value(Energy, 2025, 30), Value(Energy, 2026, 10)]), "APR-03"));

    [Fact]
    public void APR03_RunningTotalsNeverFall_Fails_WhenOneFalls_ButNotForAYearsOwnFigure()
    {
        var report = Report(2026, [Value(People, 2025, 100), Value(People, 2026, 90), Value(Energy, 2025, 30), Value(Energy, 2026, 10)]);
        Assert.Equal(["ReportCheck.APR-03:C2.1"], Found(report, "APR-03"));
        Assert.Equal("C2.1 is a running total, but its 2026 value (90) is below its 2025 value (100).", report.Findings.Single(f => f.Id == "APR-03").Message(new("en")));
    }

    [Fact]
    public void TheTargetPath_JoinsBaselineMidTermAndFinal()
    {
        var indicator = new MonitoredIndicator { Code = "X", BaselineValue = 0, BaselineYear = 2024, MidTermTarget = 400, FinalTarget = 1000 };
        var line = new AnnualReport.IndicatorLine(indicator, true, null, null, 0, [], null);
        // Mid-term is 2026 (halfway through 2025–2027); the final target is 2027's.
        Assert.Equal([0m, 200m, 400m, 1000m], new[] { 2024, 2025, 2026, 2027 }.Select(y => line.TargetIn(y, Approval)!.Value));
    }
}
