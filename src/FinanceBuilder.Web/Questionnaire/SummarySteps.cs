using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Section A of the funding proposal: what the project is, where, for which result areas, when.
public static class SummarySteps
{
    public static readonly Step Basics = new("basics", StepGroup.Summary,
    [
        F("basics.title"),
        F("basics.kind"),
        F("basics.sector"),
        F("basics.focus") with { Refresh = true },
        F("basics.economicSector"),
        F("basics.subProjectsToBeIdentified"),
        F("basics.declaredSizeCategory"),
        Panel("size"),
    ]);

    public static readonly Step Location = new("location", StepGroup.Summary,
    [
        F("basics.countries"),
        // The map of what this page gives (and the map files attached on the annex page),
        // above the sites it numbers.
        Panel("locationMap"),
        List<Location>("basics.locations", _ => new Location(),
            F("name"), F("countryCode"), F("administrativeArea"), F("latitude"), F("longitude"), F("population")) with { TitleField = "name", PageSize = 25 },
        List<LocalGovernment>("basics.localGovernments", _ => new LocalGovernment { Level = LocalGovernmentLevel.Municipality },
            F("name"), F("level"), F("count"), F("countryCode"), F("population"), F("populationSource"), F("populationYear"), F("latitude"), F("longitude")) with { TitleField = "name", PageSize = 25 },
    ])
    { Validator = new LocationValidator() };

    public static readonly Step ResultAreas = new("result-areas", StepGroup.Summary,
    [
        List<ResultAreaShare>("basics.resultAreas",
            list => new ResultAreaShare { Area = Enum.GetValues<ResultArea>().FirstOrDefault(a => list.All(s => s.Area != a)) },
            F("area"), F("sharePercent")) with { AsTable = true },
        Panel("resultAreaShares"),
    ])
    { Validator = new ResultAreasValidator() };

    /// Written last (issue 12: "write it last" texts come last): it summarises every other page,
    /// so it is the last page before the warnings are accepted, whatever the documents' order.
    public static readonly Step ExecutiveSummary = new("executive-summary", StepGroup.Submission,
    [
        F("narratives.executiveSummary") with { WordLimit = "executiveSummary" },
    ]);

    public static readonly Step Dates = new("dates", StepGroup.Summary,
    [
        Group("implementation",
            F("basics.implementationStart"),
            F("basics.implementationEnd"),
            F("basics.implementationMonths"),
            F("basics.lifespanYears")),
        Group("submission",
            F("basics.firstSubmissionDate"),
            F("basics.currentSubmissionDate"),
            F("basics.expectedAeApprovalDate"),
            F("basics.targetBoardDate")),
        Group("history",
            F("basics.submittedUnderRfp") with { Refresh = true },
            When<Proposal>(p => p.Basics.SubmittedUnderRfp == true, F("basics.rfpName")),
            F("basics.submittedAsConceptNoteBefore"),
            F("basics.preparationSupportUsed") with { Refresh = true },
            When<Proposal>(p => p.Basics.PreparationSupportUsed == true, F("basics.preparationSupportReference")),
            F("basics.inEntityWorkProgramme"),
            F("basics.inCountryProgramme")),
    ])
    { Validator = new DatesValidator() };

    public sealed class LocationValidator : AbstractValidator<Proposal>
    {
        public LocationValidator()
        {
            RuleForEach(p => p.Basics.Locations).ChildRules(l =>
                l.RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage(_ => ProposalText.Text("Check.BothCoordinates")));
            RuleForEach(p => p.Basics.LocalGovernments).ChildRules(l =>
                l.RuleFor(x => x.Longitude).NotNull().When(x => x.Latitude is not null).WithMessage(_ => ProposalText.Text("Check.BothCoordinates")));
        }
    }

    public sealed class ResultAreasValidator : AbstractValidator<Proposal>
    {
        public ResultAreasValidator()
        {
            RuleFor(p => p.Basics.ResultAreas)
                .Must(a => a.Select(x => x.Area).Distinct().Count() == a.Count).WithMessage(_ => ProposalText.Text("Check.DuplicateArea"));
            RuleFor(p => p.Basics.ResultAreas.Sum(a => a.SharePercent ?? 0))
                .LessThanOrEqualTo(100).WithMessage(_ => ProposalText.Text("Check.SharesOver100"))
                .OverridePropertyName("basics.resultAreas");
        }
    }

    public sealed class DatesValidator : AbstractValidator<Proposal>
    {
        public DatesValidator()
        {
            RuleFor(p => p.Basics.ImplementationEnd)
                .GreaterThan(p => p.Basics.ImplementationStart).When(p => p.Basics.ImplementationStart is not null && p.Basics.ImplementationEnd is not null)
                .WithMessage(_ => ProposalText.Text("Check.EndBeforeStart"));
            RuleFor(p => p.Basics.ImplementationMonths).InclusiveBetween(1, 600).WithMessage(_ => ProposalText.Text("Check.Months"));
            RuleFor(p => p.Basics.LifespanYears).InclusiveBetween(1, 100).WithMessage(_ => ProposalText.Text("Check.Lifespan"));
            RuleFor(p => p.Basics.CurrentSubmissionDate)
                .GreaterThanOrEqualTo(p => p.Basics.FirstSubmissionDate).When(p => p.Basics.FirstSubmissionDate is not null && p.Basics.CurrentSubmissionDate is not null)
                .WithMessage(_ => ProposalText.Text("Check.CurrentBeforeFirst"));
        }
    }
}
