using Microsoft.AspNetCore.Mvc;

namespace FinanceBuilder.Web.Features.Accounts;

/// Signing out: a form post with the antiforgery token (a link or another site cannot sign a
/// person out), which ends the session on the server and asks the browser to clear what this
/// site stored (the wizard keeps unsent drafts in local storage; ASVS 14.3.1).
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async ([FromServices] AccountSignIn signIn, HttpContext context, CancellationToken ct) =>
        {
            await signIn.SignOutAsync(ct);
            context.Response.Headers["Clear-Site-Data"] = "\"storage\"";
            return Results.Redirect("/account/sign-in?done=signed-out");
        }).RequireAuthorization(Policies.SignedIn).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }
}
