using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace FinanceBuilder.Web.Features.Catalogue;

/// Caching of the public pages and files: a validator (ETag, Last-Modified) from what changes
/// them, and 304 when the reader already has this version. Caches may keep a copy but must ask
/// again before each use ("no-cache"): an action withdrawn from the catalogue leaves every page
/// and export at once (issue 16), which a lifetime of minutes in a shared cache would not allow.
/// The question costs a 304 when nothing changed.
public static class PublicCaching
{
    public const string RateLimit = "public";
    public const string CacheControl = "public, no-cache";

    /// A public page without a validator of its own (a search, a list): one copy per language.
    public static void SharePage(HttpResponse response)
    {
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = "Accept-Language, Cookie";
    }

    /// Every public endpoint of the group answers with the shared policy ("public, no-cache"),
    /// one that sets no validator of its own too (a list, a search, the API's JSON): a shared
    /// cache may keep the answer but asks again before each use, so a withdrawn action leaves it.
    public static TBuilder SharedByDefault<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var response = context.HttpContext.Response;
            if (!response.HasStarted && !response.Headers.ContainsKey(HeaderNames.CacheControl) && response.StatusCode < 400)
                SharePage(response);
            return result;
        });

    /// Sets the headers; true when the request's validators match (answer 304 with no body).
    /// The tag names what the page or file is made of (an id and revision, a count); the time of
    /// the last change is always part of it, to the tick, so that anything that re-dates a row
    /// (a new IATI identifier of its organisation) gives a new ETag. A page in the reader's
    /// language names the language in its tag; a data file is the same for every reader.
    public static bool NotModified(HttpContext context, string tag, DateTime lastModified, bool byLanguage = true)
    {
        tag += "-" + lastModified.Ticks.ToString(CultureInfo.InvariantCulture);
        if (byLanguage)
            tag += "-" + CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var etag = new EntityTagHeaderValue("\"" + tag + "\"");
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModified, DateTimeKind.Utc)).AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond));
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        if (byLanguage)
            context.Response.Headers.Vary = "Accept-Language, Cookie";
        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any));
        return request.IfModifiedSince is { } since && modified <= since;
    }
}
