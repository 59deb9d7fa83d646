using FinanceBuilder.Web.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Annexes;

/// The size a post of the annex files page may have, from the settings (a compile-time
/// [RequestSizeLimit] cannot read them): a few files of the largest size allowed at once.
/// Applied before anything reads the form; the form reader keeps uploads above 64 KB in temporary
/// files, not in memory. A post that says it is larger is sent back to the page, which says
/// why, before its body is read.
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// Before the antiforgery check, which reads the form (as MVC's own RequestFormLimitsFilter does).
    public int Order => -2000;

    public const int FilesPerPost = 10;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Annexes);

    public static long MaxPostBytes(FinanceBuilderOptions.AnnexSettings settings) =>
        Math.Min(settings.MaxFileBytes * FilesPerPost, settings.MaxProposalBytes) + 1024 * 1024;

    private sealed class Filter(FinanceBuilderOptions.AnnexSettings settings) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                return;
            var max = MaxPostBytes(settings);
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = max;
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                MultipartBodyLengthLimit = max,
                ValueCountLimit = 50,
            }));
            // Told on the page again (post, redirect, get), without reading what was sent.
            if (http.Request.ContentLength is { } length && length > max)
                context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult($"{http.Request.PathBase}{http.Request.Path}?tooLarge={length}");
        }
    }
}
