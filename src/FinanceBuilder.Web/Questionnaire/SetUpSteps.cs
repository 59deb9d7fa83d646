using FinanceBuilder.Web.Features.EntityDirectory;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FluentValidation;
using static FinanceBuilder.Web.Questionnaire.B;

namespace FinanceBuilder.Web.Questionnaire;

/// Before you start: the fund and route (which decide the checks), who applies, who partners.
public static class SetUpSteps
{
    /// The routes a municipality can choose: those whose documents FinanceBuilder writes.
    public static readonly IReadOnlyList<object> OfferedRoutes = [Route.FundingProposal, Route.ConceptNote, Route.Sap, Route.Ppf];

    public static readonly Step FundAndRoute = new("fund-and-route", StepGroup.SetUp,
    [
        F("target.fund") with { Allowed = [Fund.Gcf] },
        // The routes a template pack writes (TemplatePacks.Writes; a test keeps the two the same):
        // readiness requests are the NDA's, and no pack writes them.
        F("target.route") with { Refresh = true, Allowed = OfferedRoutes },
        F("language"),
        Ref("target.templateVersion", Choices.TemplateVersions),
        When<Proposal>(p => p.Target.Route == Route.Readiness, Group("readinessEnvelope",
            F("target.readinessEnvelope.window"),
            F("target.readinessEnvelope.periodStart"),
            F("target.readinessEnvelope.mainUsedUsd"),
            F("target.readinessEnvelope.nap1UsedUsd"))),
    ]);

    public static readonly Step Applicant = new("applicant", StepGroup.SetUp,
    [
        F("applicant.proponent.name"),
        F("applicant.proponent.type"),
        F("applicant.proponent.countryCode"),
        Group("population",
            F("applicant.proponent.population"),
            F("applicant.proponent.populationYear"),
            F("applicant.proponent.populationSource")),
        F("applicant.proponent.annualBudget"),
        Group("contact",
            F("applicant.proponent.contact.name"),
            F("applicant.proponent.contact.position"),
            F("applicant.proponent.contact.email"),
            F("applicant.proponent.contact.phone")),
    ])
    { Validator = new ApplicantValidator() };

    public static readonly Step Partners = new("partners", StepGroup.SetUp,
    [
        List<ExecutingEntity>("applicant.executingEntities", _ => new ExecutingEntity(),
            F("name"), F("type"), F("role"), F("budgetSharePercent")) with { TitleField = "name" },
        // Picked from the directory, or entered by hand ("other"). The access modality is not
        // asked: it follows from the kind (Settle below).
        Group("accreditedEntity",
            F("applicant.accreditedEntity.directoryId") with { Refresh = true },
            When<Proposal>(p => p.Applicant.AccreditedEntity.DirectoryId is null,
                F("applicant.accreditedEntity.name"),
                F("applicant.accreditedEntity.shortName"),
                F("applicant.accreditedEntity.kind"),
                F("applicant.accreditedEntity.scope.maxSize"),
                F("applicant.accreditedEntity.scope.maxRiskCategory"),
                F("applicant.accreditedEntity.scope.fiduciaryStandards"))),
        List<NationalDesignatedAuthority>("applicant.nationalDesignatedAuthorities", _ => new NationalDesignatedAuthority(),
            F("countryCode"), F("name"), F("signatory"), F("informedOn"),
            Group("noObjectionLetter",
                F("noObjectionLetter.status"), F("noObjectionLetter.date"), F("noObjectionLetter.reference"), F("noObjectionLetter.election"))) with { TitleField = "name" },
    ])
    { Validator = new PartnersValidator(), Settle = AeDirectory.SettleApplicant };

    public sealed class ApplicantValidator : AbstractValidator<Proposal>
    {
        public ApplicantValidator()
        {
            RuleFor(p => p.Applicant.Proponent.Contact!.Email)
                .EmailAddress().WithMessage(_ => ProposalText.Text("Check.Email"))
                .When(p => !string.IsNullOrEmpty(p.Applicant.Proponent.Contact?.Email));
        }
    }

    public sealed class PartnersValidator : AbstractValidator<Proposal>
    {
        public PartnersValidator()
        {
            RuleFor(p => p.Applicant.ExecutingEntities.Sum(e => e.BudgetSharePercent ?? 0))
                .LessThanOrEqualTo(100).WithMessage(_ => ProposalText.Text("Check.SharesOver100"))
                .OverridePropertyName("applicant.executingEntities");
            RuleForEach(p => p.Applicant.NationalDesignatedAuthorities).ChildRules(nda =>
                nda.RuleFor(n => n.NoObjectionLetter.Election).InclusiveBetween(1, 2).WithMessage(_ => ProposalText.Text("Check.Election")));
        }
    }
}
