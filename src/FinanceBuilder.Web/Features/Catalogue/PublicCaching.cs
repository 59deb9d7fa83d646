using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace FinanceBuilder.Web.Features.Catalogue;

/// Caching of the public pages and files: a validator (ETag, Last-Modified) from what changes
/// them, a short shared lifetime, and 304 when the reader already has this version.
public static class PublicCaching
{
    public const string RateLimit = "public";
    public const int MaxAgeSeconds = 300;

    /// A public page without a validator of its own (a search, a list): shared caches may keep it
    /// a few minutes, one copy per language.
    public static void SharePage(HttpResponse response)
    {
        response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        response.Headers.Vary = "Accept-Language, Cookie";
    }

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
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(MaxAgeSeconds) };
        if (byLanguage)
            context.Response.Headers.Vary = "Accept-Language, Cookie";
        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any));
        return request.IfModifiedSince is { } since && modified <= since;
    }
}
