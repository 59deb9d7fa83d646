using FinanceBuilder.Web.Data;

namespace FinanceBuilder.Web.Features.Accounts.TwoStep;

/// A person of whom two-step sign-in is required and who has not set it up reaches nothing but
/// their account's pages until they do: a page sends them to set it up, the API answers 403
/// saying so. Signing out, the language switch, the health checks and static files stay open.
public static class TwoStepGate
{
    private static readonly string[] Open = ["/account", "/language", "/health", "/css", "/js", "/img", "/favicon.ico"];

    public static IApplicationBuilder UseTwoStepGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var access = context.RequestServices.GetRequiredService<AccessScope>();
        if (!access.MustSetUpTwoFactor || Open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api") || AccountSetup.WantsJson(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: AccountText.Texts["TwoStep.RequiredFirst"]).ExecuteAsync(context);
            return;
        }
        context.Response.Redirect(SecurityPage.Path + "?required=true");
    });
}
