using System.Text;
using FinanceBuilder.Web.Tests.Infrastructure;
using static FinanceBuilder.Web.Tests.Tenancy.TenancyWorld;

namespace FinanceBuilder.Web.Tests.Tenancy;

/// Sends one request to a route pattern the way a browser or API client of that role would:
/// route values filled in, and for posts a form with the role's own antiforgery token.
internal static class Calls
{
    /// Route values: the role's own proposal (A's for everyone but B's editor), the first wizard
    /// step, the funding-proposal pack; made-up values where any value will do.
    public static string Fill(string route, TenancyWorld world, Role role, Guid? proposal = null)
    {
        var id = proposal ?? (role == Role.OtherTenantEditor ? world.ProposalB : world.ProposalA);
        return route
            .Replace("{id:guid}", id.ToString(), StringComparison.Ordinal)
            .Replace("{userId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{file:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{callId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{grievance:guid}", world.Grievances.GetValueOrDefault(id).ToString(), StringComparison.Ordinal)
            .Replace("{step}", "basics", StringComparison.Ordinal)
            .Replace("{pack}", "gcf-funding-proposal", StringComparison.Ordinal)
            .Replace("{token}", "not-a-token", StringComparison.Ordinal)
            .Replace("{language}", "fr", StringComparison.Ordinal)
            .Replace("{n:int}", "1", StringComparison.Ordinal)
            .Replace("{year:int}", TenancyWorld.ReportedYear.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{indicator:guid}", world.Indicators.GetValueOrDefault(id).ToString(), StringComparison.Ordinal)
            .Replace("{name}", "package.zip", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{country:length(2)}", "GH", StringComparison.Ordinal)
            .Replace("{country}", "GH", StringComparison.Ordinal)
            .Replace("{code?}", "", StringComparison.Ordinal)
            .Replace("{code}", "GH-0816", StringComparison.Ordinal);
    }

    // One request token per client: tokens of one session all match its antiforgery cookie.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, string> Tokens = [];

    public static async Task<string> TokenAsync(HttpClient client)
    {
        if (Tokens.TryGetValue(client, out var token))
            return token;
        token = TestAccounts.AntiforgeryToken(await client.GetStringAsync("/account/sign-in"));
        Tokens.AddOrUpdate(client, token);
        return token;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" && !url.StartsWith("/api/", StringComparison.Ordinal))
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client) });
        else if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        // A well-formed precondition, so that a write reaches the point where it looks the
        // resource up (without one it is refused with 428 before that).
        if (method is "PUT" or "DELETE" or "PATCH")
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await client.SendAsync(request);
    }

    /// Opens a page, fills its form (matched by <paramref name="selector"/>) as a browser would,
    /// and posts it to the form's own address (or <paramref name="action"/>).
    public static async Task<HttpResponseMessage> PostPageFormAsync(HttpClient client, string url, string selector, Action<Wizard.FormFields> change, string? action = null)
    {
        var page = Wizard.WizardBrowser.Parse(await client.GetStringAsync(url));
        var form = Wizard.FormFields.Read((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(selector)!);
        change(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, action ?? url) { Content = form.ToContent() };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await client.SendAsync(request);
    }
}
