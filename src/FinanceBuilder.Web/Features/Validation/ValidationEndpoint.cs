using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Mediator;

namespace FinanceBuilder.Web.Features.Validation;

/// GET /api/proposals/{id}/validation[?route=sap][&lang=fr]: findings, key figures and readiness.
public static class ValidationEndpoint
{
    public static void MapValidationApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/proposals/{id:guid}/validation", async (Guid id, string? route, string? lang, IMediator mediator, ProposalReader reader, ProposalValidation validation, CancellationToken ct) =>
        {
            var culture = lang is null ? CultureInfo.CurrentUICulture : Messages.CultureFor(lang);
            var found = await mediator.Send(new GetProposal.Query(id), ct);
            if (found is null)
                return Problems.NotFound(culture);
            Route? target = null;
            if (route is not null)
            {
                if (!RouteNames.TryParse(route, out var parsed))
                    return Problems.Status(StatusCodes.Status400BadRequest, Messages.Format(culture, "UnknownValue", "route", route, RouteNames.Allowed));
                target = parsed;
            }
            var proposal = reader.Read(System.Text.Encoding.UTF8.GetBytes(found.Document), culture).Proposal!;
            // Checked as the wizard checks it: with its participation records.
            EngagementEvidence.Attach(proposal, found.Engagement);
            var report = validation.Validate(proposal, target);
            return Results.Text(JsonSerializer.Serialize(ValidationReportView.From(report, culture), ValidationReportView.JsonOptions), "application/json; charset=utf-8");
        }).RequireAuthorization(Accounts.Policies.SignedIn)
            .WithTags("Proposals").WithName("validateProposal").WithSummary("Check a proposal against the rules")
            .WithDescription("The GCF-style rule findings (errors, warnings, advice), the key figures and the readiness per investment criterion of a stored proposal; see docs/rules.md and docs/readiness.md.")
            .QueryValues("route", "Check as this type of application instead of the proposal's own (case-insensitive).", "fundingProposal", "conceptNote", "sap", "ppf", "readiness")
            .QueryValuesFrom("lang", "Language of the messages; by default Accept-Language's. Other values fall back to English.", _ => [.. Messages.SupportedCultures.Select(c => c.TwoLetterISOLanguageName)])
            .Returns<ValidationReportView>(StatusCodes.Status200OK, "The validation report.")
            .Fails(StatusCodes.Status400BadRequest, "route is not a type of application.")
            .Fails(StatusCodes.Status404NotFound, "No such proposal, or not one the signed-in person may see.");
}
