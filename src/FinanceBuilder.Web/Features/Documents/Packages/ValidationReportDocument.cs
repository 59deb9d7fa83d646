using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// The validation report of a package as a document (findings, key figures and readiness), drawn
/// by the same renderers as the proposal. Built as content blocks, not Markdown: every text here is
/// data — rule messages can quote what the user typed — and is never parsed.
public static class ValidationReportDocument
{
    /// The document this report goes with: its pack's name and the funder's template version it
    /// follows ("GCF concept note", "GCF-CN-V2.2").
    public sealed record Pack(string Name, string TemplateVersion);

    /// What the proposal measures, as its document says it: a mitigation-only project has no
    /// adaptation beneficiaries and an adaptation-only one no tonnes — "not applicable", as the
    /// document writes them, never "not yet computed".
    public static ContentDocument For(string title, ValidationReport report, CultureInfo culture, DateTimeOffset checkedAt, Pack pack)
    {
        string T(string key) => ProposalText.Get(key, culture);
        string F(string key, params object?[] args) => ProposalText.Format(culture, key, args);
        var f = report.Figures;
        string Num(decimal? value, int decimals = 0) => value is { } v ? NumberText.Format(Math.Round(v, decimals, MidpointRounding.AwayFromZero), culture) : T("Ui.NotYet");
        string Money(decimal? value) => value is { } v ? NumberText.Money(v, f.ReportingCurrency, culture) : T("Ui.NotYet");
        var errors = report.ErrorCount;
        var warnings = report.OpenWarningCount;
        var advice = report.Findings.Count(x => x.Severity == Severity.Advice);

        var blocks = new List<ContentBlock>
        {
            new Heading(1, [new TextRun(T("Report.Title"))]),
            new Paragraph([new TextRun(title, Bold: true)]),
            new Paragraph([new TextRun(F("Report.Checked", checkedAt.ToString("d MMMM yyyy HH:mm 'UTC'", culture), ProposalText.Get($"Enum.Route.{report.Route}", culture), report.TemplateVersion, pack.Name, pack.TemplateVersion, RuleCatalogue.All.Count(r => r.Routes.Contains(report.Route))))]),
            new Paragraph([new TextRun(F("Report.Counts", errors, warnings, advice), Bold: true), new TextRun("\n" + T(errors > 0 ? "Report.DraftNote" : "Report.CleanNote"))]),
            new Heading(2, [new TextRun(T("Report.KeyFigures"))]),
            Table([T("Report.Figure"), T("Panel.Value")], [CellAlignment.Left, CellAlignment.Right],
            [
                [T("Panel.Total"), Money(f.TotalFinancing)],
                [T("Panel.GcfRequest"), Money(f.GcfRequest)],
                [T("Panel.CoFinancing"), Money(f.CoFinancing)],
                [T("Panel.Ratio"), f.CoFinancingRatioText(culture) ?? T("Ui.NotYet")],
                [T("Panel.ComputedSize"), !report.SizeApplies ? T("Document.NotApplicable") : f.SizeCategory is { } size ? ProposalText.Get($"Enum.SizeCategory.{size}", culture) : T("Ui.NotYet")],
                [T("Panel.AverageAnnual"), !report.Areas.Mitigation ? T("Document.NotApplicable") : f.AnnualTco2e is { } annual ? Num(annual) + " " + T("Ui.Tco2") : T("Ui.NotYet")],
                [T("Panel.LifetimeTotal"), !report.Areas.Mitigation ? T("Document.NotApplicable") : f.LifetimeTco2e is { } lifetime ? Num(lifetime) + " " + T("Ui.Tco2") : T("Ui.NotYet")],
                [T("Panel.CostPerTonne"), !report.Areas.Mitigation ? T("Document.NotApplicable") : f.CostPerTco2e is { } cost ? NumberText.Money(cost, f.ReportingCurrency, culture, decimals: 2) : T("Ui.NotYet")],
                [T("Panel.Direct"), !report.Areas.Beneficiaries ? T("Document.NotApplicable") : Num(f.DirectBeneficiaries)],
                [T("Panel.Indirect"), !report.Areas.Beneficiaries ? T("Document.NotApplicable") : Num(f.IndirectBeneficiaries)],
            ]),
            new Heading(2, [new TextRun(T("Report.ByCriterion"))]),
            Readiness(report.Criteria, name => ProposalText.Get($"Enum.InvestmentCriterion.{name}", culture), T, culture),
            new Heading(2, [new TextRun(T("Report.BySection"))]),
            Readiness(report.Sections, name => SectionNames.Of(Enum.Parse<TemplateSection>(name), report.Route, culture), T, culture),
            new Heading(2, [new TextRun(T("Report.Findings"))]),
        };
        // After the counts, before the key figures.
        blocks.InsertRange(4, LengthBlocks(report, T, culture));
        if (report.Findings.Count == 0)
        {
            blocks.Add(new Paragraph([new TextRun(T("Report.NoFindings"))]));
        }
        else
        {
            blocks.Add(Table([T("Report.Rule"), T("Report.Severity"), T("Report.Message"), T("Report.Section")], [CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left],
                report.Findings
                    .OrderBy(x => x.Severity).ThenBy(x => x.Section).ThenBy(x => x.RuleId, StringComparer.Ordinal)
                    .Select(x => new[]
                    {
                        x.RuleId,
                        ProposalText.Get($"Enum.Severity.{x.Severity}", culture),
                        RuleMessages.Render(x, culture) + (x.Acknowledged is { } a ? "\n" + ProposalText.Accepted(a, culture) : ""),
                        SectionNames.Of(x.Section, report.Route, culture),
                    }).ToList()));
        }
        return new ContentDocument(blocks);
    }

    /// Pages and words of the document as generated, each against the limit the length rules
    /// applied, and a plain sentence when those rules found it too long: the table and the
    /// findings come from the same check, so they cannot disagree.
    private static List<ContentBlock> LengthBlocks(ValidationReport report, Func<string, string> t, CultureInfo culture)
    {
        if (report.Length is not { } length)
            return [];
        string Limit(int? limit) => limit is { } l ? l.ToString("N0", culture) : t("Report.NoLimit");
        var blocks = new List<ContentBlock>
        {
            new Heading(2, [new TextRun(t("Report.Length"))]),
            Table([t("Report.Measure"), t("Report.Generated"), t("Report.Limit")], [CellAlignment.Left, CellAlignment.Right, CellAlignment.Right],
            [
                [t("Report.Pages"), length.Pages.ToString("N0", culture), Limit(report.Limits?.Pages)],
                [t("Report.Words"), length.Words.ToString("N0", culture), Limit(report.Limits?.Words)],
            ]),
        };
        // A SAP may keep either limit: say so, or a reader sees 22 pages against 20 as a fault.
        if (report.Limits is { Pages: not null, Words: not null })
            blocks.Add(new Paragraph([new TextRun(t("Report.EitherLimit"))]));
        // The length rules' findings on the measured document are their ".Measured" messages.
        if (report.Findings.Any(f => f.MessageKey.EndsWith(".Measured", StringComparison.Ordinal)))
            blocks.Add(new Paragraph([new TextRun(t("Report.OverLimit"), Bold: true)]));
        return blocks;
    }

    private static Table Readiness(IReadOnlyList<ReadinessScore> scores, Func<string, string> name, Func<string, string> t, CultureInfo culture) =>
        Table([t("Report.Name"), t("Report.Score"), t("Report.Status"), t("Report.Answered"), t("Report.Errors"), t("Report.Warnings")],
            [CellAlignment.Left, CellAlignment.Right, CellAlignment.Left, CellAlignment.Right, CellAlignment.Right, CellAlignment.Right],
            scores.Select(s => new[]
            {
                // "100%" in English, "100 %" with a no-break space in French.
                name(s.Name), culture.TwoLetterISOLanguageName == "fr" ? $"{s.Score}\u00A0%" : $"{s.Score}%", t($"Enum.ReadinessStatus.{s.Status}"), $"{s.Answered} / {s.Required}",
                s.Errors.ToString(CultureInfo.InvariantCulture), s.OpenWarnings.ToString(CultureInfo.InvariantCulture),
            }).ToList());

    private static Table Table(string[] header, CellAlignment[] alignments, IReadOnlyList<string[]> rows) =>
        new(
            [Row(header, bold: true), .. rows.Select(r => Row(r, bold: false))],
            HeaderRows: 1,
            alignments);

    private static List<IReadOnlyList<TextRun>> Row(string[] cells, bool bold) =>
        cells.Select(c => (IReadOnlyList<TextRun>)[new TextRun(c, bold)]).ToList();
}
