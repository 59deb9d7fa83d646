using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FinanceBuilder.Web.Features.Accounts;

/// Readers and donors may open proposal pages but not change them: every post to a page under
/// /proposals needs an applicant editor, unless the page says its post only reads
/// ([ReadersMayPost], e.g. generating a package). A page added later is protected without
/// remembering to be. Which proposals a person reaches at all is the query filter's business:
/// another organisation's proposal is 404 before this matters.
public sealed class ProposalWriteFilter(AccessScope access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var writes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (writes && request.Path.StartsWithSegments("/proposals") && !access.CanEditProposals
            && context.HandlerInstance.GetType().GetCustomAttributes(typeof(ReadersMayPostAttribute), inherit: true).Length == 0)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}

/// The page's posts change nothing stored, so readers may send them.
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadersMayPostAttribute : Attribute;
