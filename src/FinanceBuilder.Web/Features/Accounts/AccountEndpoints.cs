using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace FinanceBuilder.Web.Features.Accounts;

/// Signing out: a form post with the antiforgery token (a link or another site cannot sign a
/// person out), which ends the session on the server and asks the browser to clear what this
/// site stored (the wizard keeps unsent drafts in local storage; ASVS 14.3.1).
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async ([FromServices] AccountSignIn signIn, [FromServices] IAntiforgery antiforgery, HttpContext context, CancellationToken ct) =>
        {
            // The antiforgery middleware only records its verdict; a minimal endpoint that binds
            // no form never reads it, so without this check any site could sign a person out (T14).
            // (The middleware's verdict is read rather than validating again: reading the form of
            // a request it found invalid throws.)
            var verdict = context.Features.Get<IAntiforgeryValidationFeature>();
            if (verdict is null ? !await antiforgery.IsRequestValidAsync(context) : !verdict.IsValid)
                return Results.BadRequest();
            await signIn.SignOutAsync(ct);
            context.Response.Headers["Clear-Site-Data"] = "\"storage\"";
            return Results.Redirect("/account/sign-in?done=signed-out");
        }).RequireAuthorization(Policies.SignedIn).WithMetadata(new RequireAntiforgeryTokenAttribute());
    }
}
