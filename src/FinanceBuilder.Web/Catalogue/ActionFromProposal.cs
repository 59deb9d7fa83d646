using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Catalogue;

/// The first draft of a catalogue action, taken from a proposal: the fields a catalogue reader
/// needs and nothing else. What is left out on purpose: every person (the applicant's contacts,
/// consultation records, reviewers), the annexes, the narratives beyond the summary, the
/// calculators' inputs and the rule acknowledgements. The organisation edits the draft and sees
/// it as the public will before anything is published.
public static class ActionFromProposal
{
    /// A public summary is a paragraph or two, not the executive summary's three pages.
    public const int SummaryLength = 1_500;

    /// <param name="submitted">Whether a version of the proposal went to a funder: the action
    /// is then seeking financing, else still a study.</param>
    public static CatalogueAction Draft(Proposal proposal, bool submitted)
    {
        var figures = KeyFigures.Compute(proposal);
        var basics = proposal.Basics;
        var country = basics.Countries.Select(c => c.Code).FirstOrDefault() ?? proposal.Applicant.Proponent.CountryCode;
        return new CatalogueAction
        {
            Language = proposal.Language == Language.Fr ? Language.Fr : Language.En,
            Title = basics.Title,
            Summary = Summary(proposal.Narratives.ExecutiveSummary ?? proposal.Narratives.ProjectDescription),
            CountryCode = country,
            AdministrativeArea = basics.Locations.Select(l => l.AdministrativeArea).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)),
            Communes = basics.LocalGovernments
                .Where(g => !string.IsNullOrWhiteSpace(g.Name))
                .Select(g => new ActionCommune { Name = g.Name })
                .Take(CatalogueAction.MaxCommunes)
                .ToList(),
            Focus = Focus(proposal),
            ResultAreas = basics.ResultAreas.Select(r => r.Area).Distinct().ToList(),
            Hazards = proposal.ClimateRationale.Hazards.Select(h => h.Type)
                .Concat(proposal.AdaptationMeasures.SelectMany(m => m.HazardsAddressed))
                .Distinct().Take(13).ToList(),
            Sectors = basics.EconomicSector is { } sector ? [sector] : [],
            Status = submitted ? ActionStatus.FinancingSought : ActionStatus.Study,
            TotalCost = figures.TotalFinancing is { } total ? new Money { Amount = total, Currency = figures.ReportingCurrency } : null,
            TotalCostUsd = figures.TotalFinancingUsd,
            Funding = Funding(proposal),
            Results = proposal.Results.Indicators
                .Where(i => i.IrmfCore is not null || i.Level != ResultLevel.Output)
                .Where(i => !string.IsNullOrWhiteSpace(i.Name))
                .Take(CatalogueAction.MaxResults)
                .Select(i => new ActionResult
                {
                    Indicator = i.Name,
                    Code = i.Code,
                    Unit = i.Unit,
                    IrmfCore = i.IrmfCore,
                    Baseline = i.BaselineValue,
                    BaselineYear = i.BaselineYear,
                    Target = i.FinalTarget,
                    TargetYear = i.TargetYear,
                })
                .ToList(),
            // A consultation on record is at least a consultation; whether residents went further
            // (concertation, co-construction) is the organisation's to say.
            // The highest level the consultation records reached; a proposal with only its own
            // consultation rows, "consultation".
            Participation = EngagementEvidence.Of(proposal)?.Level ?? (proposal.Stakeholders.Consultations.Count > 0 ? ParticipationLevel.Consultation : null),
            PlannedStart = basics.ImplementationStart,
            PlannedEnd = basics.ImplementationEnd,
            // French public bodies publish under the State's licence (Licence Ouverte 2.0).
            Licence = country == "FR" ? DataLicence.LicenceOuverte20 : DataLicence.CcBy40,
        };
    }

    private static List<ActionFocus> Focus(Proposal proposal)
    {
        var focus = proposal.Basics.Focus switch
        {
            Proposals.Model.Focus.Mitigation => new List<ActionFocus> { ActionFocus.Mitigation },
            Proposals.Model.Focus.Adaptation => [ActionFocus.Adaptation],
            Proposals.Model.Focus.CrossCutting => [ActionFocus.Mitigation, ActionFocus.Adaptation],
            _ => [],
        };
        if (proposal.ResourceProtection.Count > 0)
            focus.Add(ActionFocus.NaturalResources);
        return focus;
    }

    /// The GCF's share as sought (it is a request until the Board approves it); a co-financier's
    /// as obtained once committed.
    private static List<ActionFunding> Funding(Proposal proposal) =>
        proposal.Financing.GcfInstruments
            .Select(g => new ActionFunding { Source = "Green Climate Fund", Instrument = g.Instrument, Amount = g.Amount, State = FundingState.Sought })
            .Concat(proposal.Financing.CoFinancing.Select(c => new ActionFunding
            {
                Source = c.Name,
                Instrument = c.Instrument,
                Amount = c.Amount,
                State = c.Status == CommitmentStatus.Committed ? FundingState.Obtained : FundingState.Sought,
            }))
            .Take(CatalogueAction.MaxFunding)
            .ToList();

    /// The opening of the text up to the last sentence that fits (never a word cut in half).
    public static string? Summary(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (text.Length <= SummaryLength)
            return text;
        var window = text[..SummaryLength];
        var end = window.LastIndexOfAny(['.', '!', '?']);
        if (end >= SummaryLength / 3)
            return window[..(end + 1)];
        var space = window.LastIndexOf(' ');
        return (space > 0 ? window[..space] : window) + "…";
    }
}
