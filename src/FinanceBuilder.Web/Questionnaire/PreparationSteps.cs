using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// The Project Preparation Facility request (PPF route only): what preparation is asked for, why,
/// by when the funding proposal follows, and the activities with their deliverables and costs.
/// The amount requested is the GCF request of the financing page.
public static class PreparationSteps
{
    public static readonly Step Request = new("ppf-request", StepGroup.Financing,
    [
        F("ppf.modality"),
        Group("conceptNote", F("ppf.conceptNoteReference"), F("ppf.conceptNoteSubmitted")),
        Group("schedule", F("ppf.preparationMonths"), F("ppf.fundingProposalExpected")),
        F("ppf.expectedGcfRequest"),
        F("ppf.need"),
        List<PreparationActivity>("ppf.activities",
            list => new PreparationActivity { Id = Choices.NextId("P", list.Select(a => a.Id)) },
            F("id"), F("kind"), F("description"), F("deliverable"), F("start"), F("end"), F("cost"), F("counterpart")) with { TitleField = "description" },
        F("ppf.implementation"),
    ])
    {
        IsApplicable = p => p.Target.Route == Route.Ppf,
        Validator = new RequestValidator(),
    };

    public sealed class RequestValidator : AbstractValidator<Proposal>
    {
        public RequestValidator()
        {
            Include(new UniqueIds<PreparationActivity>(p => p.Ppf.Activities, a => a.Id, "ppf.activities"));
            RuleFor(p => p.Ppf.PreparationMonths).InclusiveBetween(1, 600).WithMessage(_ => ProposalText.Text("Check.Months"));
            RuleForEach(p => p.Ppf.Activities).ChildRules(activity =>
                activity.RuleFor(a => a.End).GreaterThanOrEqualTo(a => a.Start).When(a => a.Start is not null && a.End is not null)
                    .WithMessage(_ => ProposalText.Text("Check.EndBeforeStart")));
        }
    }
}
