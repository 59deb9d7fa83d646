using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Documents;

/// The Project Preparation Facility request: modality, the concept note it follows, the
/// preparation period, the activities with their deliverables and costs, and what the PPF check
/// found — read from the report, never worked out again here.
public static partial class DocumentModel
{
    private static void AddPreparation(Dictionary<string, object?> model, Proposal proposal, ValidationReport report, ValueFormat f)
    {
        var ppf = proposal.Ppf;
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
        decimal? In(Money? money) => money is null ? null : converter.Convert(money, f.Currency);
        var activities = ppf.Activities.Select(a => (Row: a, Cost: In(a.Cost), Counterpart: In(a.Counterpart))).ToList();
        // A total is only printed when every amount it adds is known (none unconverted).
        decimal? Total(IEnumerable<(Money? Given, decimal? Converted)> amounts)
        {
            var given = amounts.Where(a => a.Given is not null).ToList();
            return given.Count > 0 && given.All(a => a.Converted is not null) ? given.Sum(a => a.Converted!.Value) : null;
        }
        var costTotal = Total(activities.Select(a => (a.Row.Cost, a.Cost)));
        var counterpartTotal = Total(activities.Select(a => (a.Row.Counterpart, a.Counterpart)));

        // R-035 as this check found it (on the PPF route; "not answered" until the amount is known).
        var check = report.Ppf;

        model["ppf"] = new Dictionary<string, object?>
        {
            ["modality"] = f.Boxes(ppf.Modality),
            ["concept_note"] = ValueFormat.OrMissing(ppf.ConceptNoteReference),
            ["concept_note_date"] = ValueFormat.FormDate(ppf.ConceptNoteSubmitted),
            ["concept_note_status"] = ppf.ConceptNoteSubmitted is { } sent
                ? string.Format(f.Culture, f.Text("Document.SubmittedOn"), ValueFormat.FormDate(sent))
                : ValueFormat.Missing,
            ["months"] = f.Number(ppf.PreparationMonths),
            ["fp_expected"] = ValueFormat.FormDate(ppf.FundingProposalExpected),
            ["expected_gcf"] = ppf.ExpectedGcfRequest is { } expected
                ? In(expected) is { } converted ? f.Money(converted) : f.Money(expected.Amount, expected.Currency)
                : ValueFormat.Missing,
            // The PPF's no-objection letter, one per country (R-007 checks it on this route).
            ["letters"] = proposal.Applicant.NationalDesignatedAuthorities.Select(n => (object)new Dictionary<string, object?>
            {
                ["nda"] = ValueFormat.OrMissing(n.Name),
                ["status"] = AnnexStatus(n.NoObjectionLetter.Status, f),
                ["date"] = ValueFormat.FormDate(n.NoObjectionLetter.Date),
            }).ToList(),
            ["need"] = ValueFormat.OrMissing(ppf.Need),
            ["implementation"] = ValueFormat.OrMissing(ppf.Implementation),
            ["ceiling"] = f.Money(check?.CeilingUsd, "USD"),
            ["simplified_ceiling"] = f.Money(check?.SimplifiedUsd, "USD"),
            ["within_ceiling"] = f.YesNo(check?.Within),
            ["simplified"] = f.YesNo(check?.Simplified),
            ["no_activities"] = ValueFormat.Missing,
            ["has_activities"] = activities.Count > 0,
            ["activities"] = activities.Select(a => (object)new Dictionary<string, object?>
            {
                ["id"] = a.Row.Id,
                ["kind"] = f.Label(a.Row.Kind),
                ["description"] = ValueFormat.OrMissing(a.Row.Description),
                ["deliverable"] = ValueFormat.OrMissing(a.Row.Deliverable),
                ["start"] = f.MonthYear(a.Row.Start),
                ["end"] = f.MonthYear(a.Row.End),
                ["cost"] = Amount(a.Row.Cost, a.Cost, f),
                ["counterpart"] = a.Row.Counterpart is null ? "" : Amount(a.Row.Counterpart, a.Counterpart, f),
                ["total"] = a.Row.Cost is not null && a.Cost is not null ? f.Money(a.Cost + (a.Counterpart ?? 0)) : ValueFormat.Missing,
            }).ToList(),
            // The budget by kind of activity, in the order of the GCF's list of eligible activities.
            ["by_kind"] = activities.GroupBy(a => a.Row.Kind).OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key).Select(g => (object)new Dictionary<string, object?>
            {
                ["kind"] = f.Label(g.Key),
                ["cost"] = f.Money(Total(g.Select(a => (a.Row.Cost, a.Cost)))),
                ["counterpart"] = f.Money(Total(g.Select(a => (a.Row.Counterpart, a.Counterpart))) ?? 0),
            }).ToList(),
            ["cost_total"] = f.Money(costTotal),
            ["counterpart_total"] = f.Money(counterpartTotal ?? 0),
            ["total"] = costTotal is { } cost ? f.Money(cost + (counterpartTotal ?? 0)) : ValueFormat.Missing,
        };
    }

    /// An amount in the reporting currency, or as given when it cannot be converted.
    private static string Amount(Money? given, decimal? converted, ValueFormat f) =>
        given is null ? ValueFormat.Missing : converted is { } value ? f.Money(value) : f.Money(given.Amount, given.Currency);
}
