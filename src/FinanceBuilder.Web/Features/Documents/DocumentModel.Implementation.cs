using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Documents.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents;

/// Timetable (annex 5), risks (F), policies and standards (G: safeguards, gender, stakeholders) and annexes (H).
public static partial class DocumentModel
{
    private static void AddImplementation(Dictionary<string, object?> model, Proposal proposal, ValueFormat f)
    {
        var converter = new CurrencyConverter(proposal.Financing.ExchangeRates);
        var activities = proposal.Components.SelectMany(c => c.Outputs).SelectMany(o => o.Activities)
            .GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        model["timetable"] = proposal.Timetable.OrderBy(t => t.Start ?? DateOnly.MaxValue).Select(t => (object)new Dictionary<string, object?>
        {
            ["name"] = ValueFormat.OrMissing(t.Name),
            ["activity"] = t.ActivityId is null ? "" // a milestone of no one activity
                : activities.TryGetValue(t.ActivityId, out var activity) && !string.IsNullOrWhiteSpace(activity.Name) ? $"{t.ActivityId} {activity.Name}" : t.ActivityId,
            // A milestone (the agreement's effectiveness, completion) often belongs to no one activity:
            // its cell stays empty; a task without one is unanswered.
            ["activity_id"] = t.ActivityId ?? (t.IsMilestone ? "" : ValueFormat.Missing),
            ["start"] = f.MonthYear(t.Start),
            ["end"] = f.MonthYear(t.End),
            ["milestone"] = t.IsMilestone,
        }).ToList();
        model["risks"] = proposal.Risks.Select(r => (object)new Dictionary<string, object?>
        {
            ["category"] = f.Label(r.Category),
            ["description"] = ValueFormat.OrMissing(r.Description),
            ["probability"] = f.Label(r.Probability),
            ["impact"] = f.Label(r.Impact),
            ["mitigation"] = ValueFormat.OrMissing(r.Mitigation),
            ["owner"] = ValueFormat.OrMissing(r.Owner),
        }).ToList();

        var s = proposal.Safeguards;
        var screening = s.Screening;
        model["safeguards"] = new Dictionary<string, object?>
        {
            ["category"] = f.Label(s.Category),
            ["rationale"] = ValueFormat.OrMissing(s.CategoryRationale),
            ["esia"] = AnnexStatus(s.EsiaStatus, f),
            ["esmp"] = AnnexStatus(s.EsmpStatus, f),
            ["disclosure"] = f.Date(s.DisclosureDate),
            ["land_acquisition"] = f.YesNo(screening.LandAcquisitionOrResettlement),
            ["people_resettled"] = f.Number(screening.PeopleResettled),
            ["indigenous_peoples"] = f.YesNo(screening.IndigenousPeoplesPresent),
            ["critical_habitat"] = f.YesNo(screening.CriticalHabitatOrProtectedArea),
            ["major_civil_works"] = f.YesNo(screening.MajorCivilWorks),
            ["hazardous_materials"] = f.YesNo(screening.HazardousMaterials),
            ["labour_influx"] = f.YesNo(screening.SignificantLabourInflux),
            ["irreversible_impacts"] = f.YesNo(screening.IrreversibleImpacts),
            ["economic_displacement"] = f.YesNo(screening.EconomicDisplacement),
            ["cultural_heritage"] = f.YesNo(screening.CulturalHeritage),
            ["transboundary"] = f.YesNo(screening.TransboundaryImpacts),
            ["significant_waste"] = f.YesNo(screening.SignificantWaste),
            ["community_health"] = f.YesNo(screening.CommunityHealthImpacts),
            ["notes"] = ValueFormat.OrMissing(screening.Notes),
        };
        model["gender"] = new Dictionary<string, object?>
        {
            ["assessment"] = ValueFormat.OrMissing(proposal.Gender.Assessment),
            ["actions"] = proposal.Gender.ActionPlan.Select(a => (object)new Dictionary<string, object?>
            {
                ["action"] = ValueFormat.OrMissing(a.Action),
                ["indicator"] = ValueFormat.OrMissing(a.Indicator),
                ["target"] = a.CountsPeople() ? f.People(a.Target) : a.TargetValue is { } value ? $"{f.Number(value, 2)} {a.TargetUnit}".TrimEnd() : ValueFormat.Missing,
                ["start"] = f.MonthYear(a.Start),
                ["end"] = f.MonthYear(a.End),
                ["responsible"] = ValueFormat.OrMissing(a.Responsible),
                ["budget"] = f.Money(a.Budget is { } budget ? converter.Convert(budget, f.Currency) : null),
            }).ToList(),
        };
        // Counts of people go through the small-count rule, as in the annex made from the records
        // (decision 0022): "Women: 3" could point at a person; "< 5" does not. A row printing its
        // women beside its total would give its men back, so the pair is suppressed together, and
        // the total of all rows is exact only when no single hidden row could be worked back.
        var consultations = proposal.Stakeholders.Consultations.OrderBy(c => c.Date ?? DateOnly.MaxValue).ToList();
        var counted = consultations.Select(c => Attendance(c.Participants)).ToList();
        var (allExact, allAtLeast) = SmallCounts.GrandTotal([.. counted.Select(x => x.Total)], [.. consultations.Select(c => c.Participants.Known() ?? 0)]);
        model["stakeholders"] = new Dictionary<string, object?>
        {
            ["consultations"] = consultations.Select((c, i) => (object)new Dictionary<string, object?>
            {
                ["date"] = f.Date(c.Date),
                ["place"] = ValueFormat.OrMissing(c.Place),
                ["format"] = f.Label(c.Format),
                ["participants"] = c.Participants.Known() is { } n ? SmallCounts.Text(counted[i].Total, n, f.Culture) : f.Number(c.Participants.Known()),
                ["women"] = c.Participants.Female is { } w ? SmallCounts.Text(counted[i].Women, w, f.Culture) : f.Number(c.Participants.Female),
                ["groups"] = ValueFormat.OrMissing(string.Join(", ", c.GroupsReached.Select(g => f.Label(g)))),
                ["summary"] = ValueFormat.OrMissing(c.Summary),
            }).ToList(),
            // Said under the table only when a count is hidden in it.
            ["small_counts_note"] = allExact is null || Enumerable.Range(0, counted.Count).Any(i => counted[i].Total is null || (counted[i].Women is null && consultations[i].Participants.Female is not null))
                ? Web.Proposals.Text.ProposalText.Format(f.Culture, "Document.SmallCountsNote", SmallCounts.K) : "",
            ["consultation_count"] = f.Number(consultations.Count),
            ["participants_total"] = allExact is { } all ? People(all, f) : Web.Proposals.Text.ProposalText.Format(f.Culture, "Annex.Engagement.MoreThan", f.Number(allAtLeast)),
            ["grievance"] = ValueFormat.OrMissing(proposal.Stakeholders.GrievanceMechanism),
            ["plan"] = ValueFormat.OrMissing(proposal.Stakeholders.EngagementPlan),
        };
        model["pictures"] = DocumentPictures.Placed.ToDictionary(p => p.Value, p => (object?)DocumentPictures.Of(proposal)
            .Where(x => x.Row.Type == p.Key)
            .Select(x => (object)new Dictionary<string, object?>
            {
                ["key"] = x.File.Id,
                // "Organisation chart (annex 12)": the row's own title when it has one.
                ["caption"] = string.Format(f.Culture, f.Text("Document.Figure.Caption"), x.Row.Title ?? f.Label(x.Row.Type), x.Row.Number),
                ["alt"] = x.Row.Title ?? f.Label(x.Row.Type),
            }).ToList());
        // Placed by AddLocationMap when the map is drawn; empty otherwise.
        ((Dictionary<string, object?>)model["pictures"]!)["location_map"] = new List<object>();
        model["annexes"] = proposal.Annexes.Select(a => (object)new Dictionary<string, object?>
        {
            ["number"] = a.Number,
            ["title"] = a.Title ?? f.Label(a.Type),
            ["type"] = f.Label(a.Type),
            ["status"] = a.Files.Count > 0 ? AttachedStatus(a, f) : AnnexStatus(a.Status, f),
            ["confidential"] = f.YesNo(a.Confidential),
            ["no_objection"] = a.Type == AnnexType.NoObjectionLetter,
        }).ToList();
    }

    /// The location map's figure (the picture is DocumentPictures'): its caption names the
    /// numbered sites, the text alternative says what is drawn.
    private static void AddLocationMap(Dictionary<string, object?> model, Proposal proposal, ValueFormat f)
    {
        var content = Geography.MapContent.Of(proposal);
        ((Dictionary<string, object?>)model["pictures"]!)["location_map"] = new List<object>
        {
            new Dictionary<string, object?>
            {
                ["key"] = DocumentPictures.LocationMap,
                ["caption"] = Geography.MapText.Caption(content, f.Culture),
                ["alt"] = Geography.MapText.Alternative(content, f.Culture),
            },
        };
    }

    /// What a reviewer can expect of an annex with no file attached: one the applicant marked
    /// final or attached is "to be sent separately" (it is not in the package), one still in
    /// preparation says how far it is.
    /// A row's women and total after the rule: the women, the men and the total as one list
    /// with its total (the men are not printed, but the total minus the women would give them).
    private static (long? Women, long? Total) Attendance(PeopleCount people)
    {
        if (people.Female is null && people.Male is null)
            return (null, SmallCounts.Each([people.Known() ?? 0])[0]);
        var (cells, total) = SmallCounts.List([people.Female ?? 0, people.Male ?? 0]);
        return (cells[0], total);
    }

    /// A count of people as a document prints it: "< 5" when small (Calculators/SmallCounts).
    private static string People(long? count, ValueFormat f) =>
        count is { } n ? SmallCounts.Text(SmallCounts.Each([n])[0], n, f.Culture) : f.Number(count);

    private static string AnnexStatus(DocumentStatus? status, ValueFormat f) => status switch
    {
        DocumentStatus.Attached or DocumentStatus.Final => f.Text("Document.Annex.SendSeparately"),
        DocumentStatus.Draft => f.Text("Document.Annex.DraftNotIncluded"),
        DocumentStatus.Requested => f.Text("Document.Annex.RequestedNotIncluded"),
        DocumentStatus.NotStarted => f.Text("Document.Annex.NotStarted"),
        DocumentStatus.NotRequired => f.Text("Document.Annex.NotRequired"),
        _ => f.Text("Document.Annex.NoStatus"),
    };

    /// An annex whose files are in the package (annexes/ of the zip), each named as the applicant
    /// gave it (the zip's entry carries the same name) with its pages when known:
    /// "Attached: study.pdf, 13 pages; budget.xlsx".
    private static string AttachedStatus(Annex annex, ValueFormat f)
    {
        var files = annex.Files.Select(file =>
        {
            var name = string.IsNullOrWhiteSpace(file.Name) ? f.Label(annex.Type) : file.Name;
            return file.Pages is { } pages
                ? string.Format(f.Culture, f.Text(Localization.Plural.Key("Document.Annex.FilePages", pages, f.Culture)), name, f.Number(pages))
                : name;
        });
        return string.Format(f.Culture, f.Text("Document.Annex.AttachedNamed"), string.Join("; ", files));
    }
}
