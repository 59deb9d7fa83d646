using System.Globalization;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// The stakeholder-engagement annex of a GCF package (docs/decisions/0022-participation.md),
/// drawn from the participation records: the consultations with their attendance by sex, group
/// and age (counts under 5 hidden, SmallCounts), what people said and what the project did with
/// it, the public consultation, the grievance mechanism with the register's figures, and the plan
/// for implementation. Built as content blocks, like the validation report: everything here is data —
/// residents' words above all — and none of it is ever parsed as Markdown or a template.
public static class StakeholderEngagementAnnex
{
    /// The annex, or null: while an input still has no response (the annex says what changed
    /// because of each, so it waits until each has its answer; R-067 says so meanwhile), and when
    /// nothing was recorded (the proposal's section G then carries its own consultation rows).
    public static ContentDocument? For(string title, Proposal proposal, EngagementEvidence evidence, CultureInfo culture)
    {
        if (evidence.InputsWithoutResponse > 0 || !evidence.Any)
            return null;
        string T(string key) => ProposalText.Get(key, culture);
        string F(string key, params object?[] args) => ProposalText.Format(culture, key, args);
        string N(long n) => NumberText.Format(n, culture);
        var blocks = new List<ContentBlock>
        {
            new Heading(1, [new TextRun(T("Annex.Engagement.Title"))]),
            new Paragraph([new TextRun(title, Bold: true)]),
        };

        // 1. Summary.
        var held = evidence.Consultations;
        // The events' total is the sum of the table's row totals: printed exactly only when no
        // single small meeting could be worked back from it.
        var rowTotals = held.Select(c => SmallCounts.List([c.Women, c.Men, c.NotSaid]).Total).ToList();
        var (exact, atLeast) = SmallCounts.GrandTotal(rowTotals, [.. held.Select(c => c.Total)]);
        var people = exact is { } all ? SmallCounts.Text(SmallCounts.Each([all])[0], all, culture) : F("Annex.Engagement.MoreThan", N(atLeast));
        blocks.Add(new Paragraph([new TextRun(held.Count == 0
            ? T("Annex.Engagement.NoConsultation")
            : F(held.Count == 1 ? "Annex.Engagement.SummaryOne" : "Annex.Engagement.Summary", N(held.Count), DateText.Written(held.Min(c => c.HeldOn), culture), DateText.Written(held.Max(c => c.HeldOn), culture),
                people, T("Enum.ParticipationLevel." + evidence.Level)))]));
        blocks.Add(new Paragraph([new TextRun(evidence.Inputs == 0
            ? T("Annex.Engagement.NoInput")
            : F("Annex.Engagement.Inputs", N(evidence.Inputs), N(evidence.Accepted), N(evidence.DesignChanged), N(evidence.NotTaken), N(evidence.Assisted), N(evidence.FromPublicPage)))]));

        // 2. Events, with attendance by sex: a small count is hidden, and a second one where the
        // total would give it back.
        blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Events"))]));
        if (held.Count > 0)
        {
            var rows = held.Select(c =>
            {
                var (bySex, total) = SmallCounts.List([c.Women, c.Men, c.NotSaid]);
                return new[]
                {
                    DateText.Written(c.HeldOn, culture),
                    c.Online ? T("Annex.Engagement.Online") : c.Place ?? "",
                    ProposalText.Get("Enum.ConsultationFormat." + c.Method, culture),
                    T("Enum.ParticipationLevel." + c.Level),
                    c.Languages ?? "",
                    SmallCounts.Text(bySex[0], c.Women, culture),
                    SmallCounts.Text(bySex[1], c.Men, culture),
                    SmallCounts.Text(bySex[2], c.NotSaid, culture),
                    SmallCounts.Text(total, c.Total, culture),
                };
            }).ToList();
            blocks.Add(Table([T("Annex.Engagement.Date"), T("Annex.Engagement.Place"), T("Annex.Engagement.Method"), T("Annex.Engagement.Level"), T("Annex.Engagement.Languages"),
                T("Annex.Engagement.Women"), T("Annex.Engagement.Men"), T("Annex.Engagement.NotSaid"), T("Annex.Engagement.Total")],
                [CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Right, CellAlignment.Right, CellAlignment.Right, CellAlignment.Right], rows));

            // 3. Participation by group, over all events: groups overlap and have no total, so
            // each small count is hidden on its own.
            var groups = held.SelectMany(c => c.Groups).GroupBy(g => g.Key).OrderBy(g => g.Key).Select(g => (g.Key, Count: g.Sum(x => x.Value))).ToList();
            if (groups.Count > 0)
            {
                var shown = SmallCounts.Each(groups.Select(g => g.Count));
                blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Groups"))]));
                blocks.Add(Table([T("Annex.Engagement.Group"), T("Annex.Engagement.People")], [CellAlignment.Left, CellAlignment.Right],
                    groups.Select((g, i) => new[] { ProposalText.Get("Enum.StakeholderGroup." + g.Key, culture), SmallCounts.Text(shown[i], g.Count, culture) }).ToList()));
            }

            // 4. Participation by age, over all events: a person is in one band only, so the bands
            // have a total, and a second count is hidden where the total would give a small one back.
            var bands = Enum.GetValues<AgeBand>();
            var ages = bands.Select(b => held.Sum(c => c.Ages.GetValueOrDefault(b))).ToList();
            if (ages.Sum() > 0)
            {
                var (byAge, agesTotal) = SmallCounts.List(ages);
                blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Ages"))]));
                blocks.Add(Table([T("Annex.Engagement.AgeBand"), T("Annex.Engagement.People")], [CellAlignment.Left, CellAlignment.Right],
                [
                    .. bands.Select((b, i) => new[] { T("Annex.Engagement.Age." + b), SmallCounts.Text(byAge[i], ages[i], culture) }),
                    [T("Annex.Engagement.AgesTotal"), SmallCounts.Text(agesTotal, ages.Sum(), culture)],
                ]));
            }
            blocks.Add(new Paragraph([new TextRun(F("Annex.Engagement.SmallCounts", SmallCounts.K))]));
        }

        // 5. What we heard and what changed.
        if (evidence.Heard is { Count: > 0 } heard)
        {
            blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Heard"))]));
            blocks.Add(Table([T("Annex.Engagement.Received"), T("Annex.Engagement.From"), T("Annex.Engagement.Said"), T("Annex.Engagement.Response")],
                [CellAlignment.Left, CellAlignment.Left, CellAlignment.Left, CellAlignment.Left],
                heard.Select(h => new[]
                {
                    DateText.Written(h.ReceivedOn, culture),
                    T("Annex.Engagement.Source." + h.Source) + (h.Group is { } g ? " · " + ProposalText.Get("Enum.StakeholderGroup." + g, culture) : ""),
                    h.Text.Length == 0 ? T("Annex.Engagement.Erased") : h.Text,
                    T("Annex.Engagement.Disposition." + h.Disposition) + (h.SectionChanged is { } s && StepCatalogue.Find(s) is not null ? " (" + ProposalText.Get("Step." + s, culture) + ")" : "") + (culture.TwoLetterISOLanguageName == "fr" ? "\u00A0: " : ": ") + h.Response,
                }).ToList()));
        }

        // 6. The public consultation page.
        if (evidence.PublicPage is { } page)
        {
            blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.PublicPage"))]));
            blocks.Add(new Paragraph([new TextRun(F("Annex.Engagement.PublicPeriod", DateText.Written(page.OpensOn, culture), DateText.Written(page.ClosesOn, culture), N(page.Published)))]));
        }

        // 7. The grievance mechanism and its register, in figures only.
        blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Grievances"))]));
        blocks.Add(new Paragraph([new TextRun(proposal.Stakeholders.GrievanceMechanism is { Length: > 0 } mechanism ? mechanism : T("Annex.Engagement.NoMechanism"))]));
        var g2 = evidence.Grievances;
        blocks.Add(Table([T("Annex.Engagement.Figure"), T("Annex.Engagement.Count")], [CellAlignment.Left, CellAlignment.Right],
        [
            [T("Annex.Engagement.G.Received"), N(g2.Received)],
            [T("Annex.Engagement.G.AcknowledgedInTime"), N(g2.AcknowledgedInTime)],
            [T("Annex.Engagement.G.Resolved"), N(g2.Resolved)],
            [T("Annex.Engagement.G.Open"), N(g2.Open)],
            [T("Annex.Engagement.G.Escalated"), N(g2.Escalated)],
            [T("Annex.Engagement.G.Median"), g2.MedianDaysToResolution is { } m ? m.ToString("0.#", culture) : "—"],
        ]));

        // 8. The plan for implementation, as the proposal writes it.
        if (proposal.Stakeholders.EngagementPlan is { Length: > 0 } plan)
        {
            blocks.Add(new Heading(2, [new TextRun(T("Annex.Engagement.Plan"))]));
            blocks.AddRange(plan.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => new Paragraph([new TextRun(p)])));
        }
        return new ContentDocument(blocks);
    }

    private static Table Table(string[] header, CellAlignment[] alignments, IReadOnlyList<string[]> rows) =>
        new([Row(header, bold: true), .. rows.Select(r => Row(r, bold: false))], HeaderRows: 1, alignments);

    private static List<IReadOnlyList<TextRun>> Row(string[] cells, bool bold) =>
        cells.Select(c => (IReadOnlyList<TextRun>)[new TextRun(c, bold)]).ToList();
}
