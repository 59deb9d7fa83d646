using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Tenancy;

/// The application's endpoints as the router knows them (EndpointDataSource): route pattern,
/// HTTP methods and the authorization each one declares. Tests are generated from this list, so
/// an endpoint added later is tested (and fails until it is declared) without anyone remembering.
public sealed record AppEndpoint(string Route, IReadOnlyList<string> Methods, bool Anonymous, IReadOnlyList<string> Policies, bool IsPage)
{
    public override string ToString() => $"{string.Join(",", Methods)} {Route}";

    public static IReadOnlyList<AppEndpoint> Read(WebApplicationFactory<Program> app)
    {
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var list = new List<AppEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.Any(m => m.GetType().Name.Contains("PageRouteMetadata", StringComparison.Ordinal));
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? (isPage ? ["GET", "POST"] : ["GET"]);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().ToList();
            list.Add(new AppEndpoint(route, methods, anonymous, policies, isPage));
        }
        return list.OrderBy(e => e.Route, StringComparer.Ordinal).ToList();
    }
}
