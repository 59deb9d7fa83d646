using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FinanceBuilder.Web.Features.Review;

/// A page every member of the donor reads but only some may post to: any post (whatever its
/// handler, so no handler can forget it) needs <paramref name="policy"/>, else 403. An
/// authorization filter ordered before the antiforgery check, so a reader — whose read-only page
/// carries no form and no token — is told "forbidden", not "bad request".
[AttributeUsage(AttributeTargets.Class)]
public sealed class PostsNeedPolicyAttribute(string policy) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public string Policy { get; } = policy;

    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, http, Policy)).Succeeded)
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
    }
}
