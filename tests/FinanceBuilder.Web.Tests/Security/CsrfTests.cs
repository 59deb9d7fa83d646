using System.Net;
using System.Reflection;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FinanceBuilder.Web.Tests.Security;

/// T14: every unsafe endpoint, found from the app itself, refuses a request without a valid
/// antiforgery pair (no token, cookie only, request token only, swapped, another person's
/// token) with 400 and accepts the valid one; the JSON API refuses requests another site sends.
public sealed class CsrfTests(ITestOutputHelper output) : IDisposable
{
    private const string Editor = "a@csrf.test";
    private const string Other = "b@csrf.test";
    private static readonly Guid Donor = new("0d0d0d0d-0000-4000-8000-00000000c5f1");
    // Every target signs in afresh (a page and a post each): more than the production limit of
    // sign-in requests per address and minute, which is not what this test is about.
    private readonly AppFactory app = new(settings: new Dictionary<string, string?> { ["FinanceBuilder:SignIn:PostsPerMinute"] = "1000" });

    public void Dispose() => app.Dispose();

    /// The donor a proposal is shared with in the share target.
    private async Task EnsureDonorAsync()
    {
        using var db = app.OpenDb();
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Organisations, o => o.Id == Donor))
            await app.CreateOrganisationAsync("CSRF donor", Web.Data.Accounts.OrganisationKind.Donor, Donor);
    }

    /// One form target: where it posts and the body it needs, given a token (or none).
    /// <param name="Unknown">The valid case names no real item (a made-up member, invitation,
    /// comment or link): the token is accepted if the answer is anything but 400 — 404 included.</param>
    /// <param name="As">Who posts, when not the administrator-editor (a donor's scorer for the scoring sheet).</param>
    private sealed record Target(string Key, bool SignedIn, Func<CookieJarClient, Task<(string Url, Func<string?, HttpContent> Body)>> Prepare, bool Json = false, bool Unknown = false, string? As = null);

    private const string Scorer = "scorer@csrf.test";

    private static Func<string?, HttpContent> Fields(params (string Name, string Value)[] fields) => token =>
        new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
            .Concat(token is null ? [] : [KeyValuePair.Create("__RequestVerificationToken", token)]));

    private static async Task<Guid> SeedAsync(CookieJarClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/proposals") { Content = new StringContent(Samples.ReadText("mitigation-tamale-solar-led.json"), Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<Func<string?, HttpContent>> StepFormAsync(CookieJarClient client, string url)
    {
        var page = await WizardPage.ReadAsync(await client.GetAsync(url));
        var form = page.StepForm().Remove("__RequestVerificationToken").Set("action", "save");
        return token => (token is null ? form : FormFields.Read(page.StepFormElement()).Set("action", "save").Set("__RequestVerificationToken", token)).ToContent();
    }

    private static readonly Target[] Targets =
    [
        new("POST /account/sign-out", true, c => Task.FromResult(("/account/sign-out", Fields()))),
        new("POST /account/sign-in", false, c => Task.FromResult(("/account/sign-in", Fields(("email", Editor), ("password", TestAccounts.Password))))),
        new("POST /account/two-step", false, c => Task.FromResult(("/account/two-step", Fields(("code", "123456"))))),
        // A made-up code: with a valid token the page answers 422 (wrong code), never 400.
        new("POST /account/security Enable", true, c => Task.FromResult(("/account/security?handler=Enable", Fields(("code", "123456")))), Unknown: true),
        new("POST /account/security Codes", true, c => Task.FromResult(("/account/security?handler=Codes", Fields(("code", "123456")))), Unknown: true),
        new("POST /account/security Disable", true, c => Task.FromResult(("/account/security?handler=Disable", Fields(("code", "123456")))), Unknown: true),
        new("POST /organisation TwoStep", true, c => Task.FromResult(("/organisation?handler=TwoStep", Fields(("require", "false"))))),
        new("POST /account/forgot-password", false, c => Task.FromResult(("/account/forgot-password", Fields(("email", Editor))))),
        new("POST /account/setup/{token}", false, c => Task.FromResult(("/account/setup/not-a-real-token", Fields(("organisationName", "X"), ("displayName", "X"), ("email", "x@csrf.test"), ("password", "a long enough phrase"))))),
        new("POST /account/join/{token}", false, c => Task.FromResult(("/account/join/not-a-real-token", Fields(("displayName", "X"), ("password", "a long enough phrase"))))),
        new("POST /account/reset-password/{userId:guid}", false, c => Task.FromResult(($"/account/reset-password/{Guid.NewGuid()}", Fields(("token", "not-a-token"), ("password", "a long enough phrase"))))),
        new("POST /proposals/new", true, c => Task.FromResult(("/proposals/new", Fields(("title", "Made by the CSRF test"))))),
        new("POST /proposals/import", true, c => Task.FromResult<(string, Func<string?, HttpContent>)>(("/proposals/import", token =>
        {
            var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(Samples.Read("mitigation-tamale-solar-led.json"));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Add(file, "file", "proposal.json");
            if (token is not null)
                content.Add(new StringContent(token), "__RequestVerificationToken");
            return content;
        }))),
        new("POST /proposals/{id:guid} Duplicate", true, async c => ($"/proposals/{await SeedAsync(c)}?handler=Duplicate", Fields())),
        new("POST /proposals/{id:guid}/accept-warning", true, async c => ($"/proposals/{await SeedAsync(c)}/accept-warning?rule=R-001&from=basics", Fields(("Reason", "Accepted by the CSRF test")))),
        new("POST /proposals/{id:guid}/delete", true, async c => ($"/proposals/{await SeedAsync(c)}/delete", Fields(("version", "1")))),
        new("POST /proposals/{id:guid}/package", true, async c => ($"/proposals/{await SeedAsync(c)}/package", Fields())),
        new("POST /review/{id:guid} Save", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}?handler=Save", Fields(("recommendation", "Endorse")))), Unknown: true, As: Scorer),
        new("POST /review/{id:guid} Release", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}?handler=Release", Fields())), Unknown: true, As: Scorer),
        new("POST /review/{id:guid} Withdraw", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}?handler=Withdraw", Fields())), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/sheet Declare", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/sheet?handler=Declare", Fields(("Declaration", "None")))), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/sheet Save", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/sheet?handler=Save", Fields(("Form.Recommendation", "Endorse")))), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/sheet Comment", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/sheet?handler=Comment", Fields(("CommentSection", "s1"), ("CommentText", "A comment from the CSRF test")))), Unknown: true, As: Scorer),
        new("POST /proposals/{id:guid}/versions/{n:int}/document Answer", true, async c => ($"/proposals/{await SeedAsync(c)}/versions/1/document?handler=Answer", Fields(("CommentId", Guid.NewGuid().ToString()), ("Answer", "An answer from the CSRF test"))), Unknown: true),
        new("POST /notifications Read", true, c => Task.FromResult(("/notifications?handler=Read", Fields()))),
        new("POST /notifications Preferences", true, c => Task.FromResult(("/notifications?handler=Preferences", Fields(("Email[Released]", "Digest"), ("Email[Commented]", "None"))))),
        new("POST /review/{id:guid}/sheet Submit", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/sheet?handler=Submit", Fields())), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/team Assign", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/team?handler=Assign", Fields(("ReviewerId", Guid.NewGuid().ToString())))), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/team Unassign", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/team?handler=Unassign", Fields(("SheetId", Guid.NewGuid().ToString())))), Unknown: true, As: Scorer),
        new("POST /review/{id:guid}/team Settings", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/team?handler=Settings", Fields(("Deadline", "2027-01-31")))), Unknown: true, As: Scorer),
        new("POST /review/calls", true, c => Task.FromResult(("/review/calls", Fields(("Name", "Call made by the CSRF test")))), As: Scorer),
        new("POST /review/calls/{callId:guid} Save", true, c => Task.FromResult(($"/review/calls/{Guid.NewGuid()}?handler=Save", Fields(("Name", "Renamed")))), Unknown: true, As: Scorer),
        new("POST /review/calls/{callId:guid} Reset", true, c => Task.FromResult(($"/review/calls/{Guid.NewGuid()}?handler=Reset", Fields())), Unknown: true, As: Scorer),
        new("POST /admin Reload", true, c => Task.FromResult(("/admin?handler=Reload", Fields()))),
        new("POST /admin/directory Upload", true, c => Task.FromResult(("/admin/directory?handler=Upload", Fields()))),
        new("POST /admin/directory Reset", true, c => Task.FromResult(("/admin/directory?handler=Reset", Fields()))),
        new("POST /admin", true, c => Task.FromResult(("/admin", Fields(("name", "Made by the CSRF test"), ("kind", "Municipality"))))),
        new("POST /admin/organisations/{id:guid} Invite", true, c => Task.FromResult(($"/admin/organisations/{Donor}?handler=Invite", Fields(("email", $"{Guid.NewGuid():N}@csrf.test"), ("role", "Editor"))))),
        new("POST /admin/organisations/{id:guid} Disable", true, c => Task.FromResult(($"/admin/organisations/{Guid.NewGuid()}?handler=Disable", Fields())), Unknown: true),
        new("POST /admin/organisations/{id:guid} Enable", true, c => Task.FromResult(($"/admin/organisations/{Donor}?handler=Enable", Fields()))),
        new("POST /admin/organisations/{id:guid} Link", true, c => Task.FromResult(($"/admin/organisations/{Donor}?handler=Link", Fields(("other", AccessScope.WorkspaceOrganisationId.ToString())))), Unknown: true),
        new("POST /admin/organisations/{id:guid} Unlink", true, c => Task.FromResult(($"/admin/organisations/{Donor}?handler=Unlink", Fields(("agency", Guid.NewGuid().ToString()), ("supported", Guid.NewGuid().ToString())))), Unknown: true),
        new("POST /catalogue New", true, c => Task.FromResult(("/catalogue?handler=New", Fields(("proposalId", ""))))),
        new("POST /catalogue/{id:guid}/edit", true, c => Task.FromResult(($"/catalogue/{Guid.NewGuid()}/edit", Fields(("version", "0"), ("title", "Made by the CSRF test")))), Unknown: true),
        new("POST /catalogue/{id:guid}/publish Publish", true, c => Task.FromResult(($"/catalogue/{Guid.NewGuid()}/publish?handler=Publish", Fields())), Unknown: true),
        new("POST /catalogue/{id:guid}/publish Withdraw", true, c => Task.FromResult(($"/catalogue/{Guid.NewGuid()}/publish?handler=Withdraw", Fields())), Unknown: true),
        new("POST /catalogue/indicators Upload", true, c => Task.FromResult(("/catalogue/indicators?handler=Upload", Fields(("Name", "Made by the CSRF test"))))),
        new("POST /catalogue/indicators Withdraw", true, c => Task.FromResult(("/catalogue/indicators?handler=Withdraw", Fields(("id", Guid.NewGuid().ToString())))), Unknown: true),
        new("POST /proposals/{id:guid}/baselines Take", true, async c => ($"/proposals/{await SeedAsync(c)}/baselines?handler=Take", Fields(("valueId", "0"), ("version", "1"))), Unknown: true),
        new("POST /organisation Invite", true, c => Task.FromResult(("/organisation?handler=Invite", Fields(("email", $"{Guid.NewGuid():N}@csrf.test"), ("role", "Reader"))))),
        new("POST /organisation Revoke", true, c => Task.FromResult(("/organisation?handler=Revoke", Fields(("invitationId", Guid.NewGuid().ToString())))), Unknown: true),
        new("POST /organisation Role", true, c => Task.FromResult(("/organisation?handler=Role", Fields(("userId", Guid.NewGuid().ToString()), ("role", "Reader")))), Unknown: true),
        new("POST /organisation Disable", true, c => Task.FromResult(("/organisation?handler=Disable", Fields(("userId", Guid.NewGuid().ToString())))), Unknown: true),
        new("POST /organisation Iati", true, c => Task.FromResult(("/organisation?handler=Iati", Fields(("iatiIdentifier", ""))))),
        new("POST /organisation Enable", true, c => Task.FromResult(("/organisation?handler=Enable", Fields(("userId", Guid.NewGuid().ToString())))), Unknown: true),
        new("POST /proposals/{id:guid}/comments", true, async c => ($"/proposals/{await SeedAsync(c)}/comments", Fields(("section", "basics"), ("text", "A comment from the CSRF test")))),
        new("POST /proposals/{id:guid}/comments Resolve", true, async c => ($"/proposals/{await SeedAsync(c)}/comments?handler=Resolve", Fields(("commentId", Guid.NewGuid().ToString()))), Unknown: true),
        new("POST /proposals/{id:guid}/comments Reopen", true, async c => ($"/proposals/{await SeedAsync(c)}/comments?handler=Reopen", Fields(("commentId", Guid.NewGuid().ToString()))), Unknown: true),
        new("POST /proposals/{id:guid}/submit", true, async c => ($"/proposals/{await SeedAsync(c)}/submit", Fields(("idempotencyKey", Guid.NewGuid().ToString())))),
        new("POST /proposals/{id:guid}/annexes/files Attach", true, async c => ($"/proposals/{await SeedAsync(c)}/annexes/files?handler=Attach", Fields(("annex", "")))),
        new("POST /proposals/{id:guid}/annexes/files Replace", true, async c => ($"/proposals/{await SeedAsync(c)}/annexes/files?handler=Replace", Fields(("file", Guid.NewGuid().ToString())))),
        new("POST /proposals/{id:guid}/annexes/files Remove", true, async c => ($"/proposals/{await SeedAsync(c)}/annexes/files?handler=Remove", Fields(("file", Guid.NewGuid().ToString())))),
        new("POST /proposals/{id:guid}/versions Share", true, async c => ($"/proposals/{await SeedAsync(c)}/versions?handler=Share", Fields(("donor", Donor.ToString())))),
        new("POST /proposals/{id:guid}/versions Unshare", true, async c => ($"/proposals/{await SeedAsync(c)}/versions?handler=Unshare", Fields(("donor", Donor.ToString())))),
        new("POST /proposals/{id:guid}/versions/{n:int}/approve", true, async c => ($"/proposals/{await SeedAsync(c)}/versions/1/approve", Fields(("Form.BoardMeeting", "B.36"))), Unknown: true),
        new("POST /proposals/{id:guid}/reporting/{year:int} Comment", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting/2025?handler=Comment", Fields(("text", "A comment from the CSRF test"))), Unknown: true),
        new("POST /review/{id:guid}/reporting/{year:int} Comment", true, c => Task.FromResult(($"/review/{Guid.NewGuid()}/reporting/2025?handler=Comment", Fields(("text", "A comment from the CSRF test")))), Unknown: true, As: Scorer),
        new("POST /proposals/{id:guid}/reporting Sent", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting?handler=Sent&year=2025", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/reporting Reopen", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting?handler=Reopen&year=2025", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/reporting/{year:int}/finances", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting/2025/finances", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/reporting/approval", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting/approval", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/reporting/{year:int}", true, async c => ($"/proposals/{await SeedAsync(c)}/reporting/2025", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/consultations", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations", Fields(("Form.HeldOn", "2026-01-10"), ("Form.Method", "Workshop"), ("Form.Level", "Consultation"), ("Form.Place", "Town hall"), ("Form.Women", "12"), ("Form.Men", "9")))),
        new("POST /proposals/{id:guid}/consultations Update", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations?handler=Update&consultationId={Guid.NewGuid()}", Fields(("Form.HeldOn", "2026-01-10"))), Unknown: true),
        new("POST /proposals/{id:guid}/consultations/public", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/public", Fields(("Form.Title", "Solar markets"), ("Form.SummaryEn", "Solar panels on three markets."), ("Form.OpensOn", "2026-01-10"), ("Form.ClosesOn", "2026-02-10")))),
        new("POST /proposals/{id:guid}/consultations/inputs Add", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/inputs?handler=Add", Fields(("Form.Assisted", "true"), ("Form.Channel", "Phone"), ("Form.ConsentRead", "Read aloud"), ("Form.Text", "Shade over the stalls, please.")))),
        new("POST /proposals/{id:guid}/consultations/inputs Respond", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/inputs?handler=Respond", Fields(("Reply.InputId", Guid.NewGuid().ToString()), ("Reply.Disposition", "Accepted"), ("Reply.Response", "Yes"))), Unknown: true),
        new("POST /proposals/{id:guid}/consultations/moderation Publish", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/moderation?handler=Publish", Fields(("Ids", Guid.NewGuid().ToString())))),
        new("POST /proposals/{id:guid}/consultations/moderation Reject", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/moderation?handler=Reject", Fields(("Ids", Guid.NewGuid().ToString())))),
        new("POST /proposals/{id:guid}/consultations/personal-data Find", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/personal-data?handler=Find", Fields(("Person", "ama@example.org")))),
        new("POST /proposals/{id:guid}/consultations/personal-data Export", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/personal-data?handler=Export", Fields(("Person", "ama@example.org")))),
        new("POST /proposals/{id:guid}/consultations/personal-data Erase", true, async c => ($"/proposals/{await SeedAsync(c)}/consultations/personal-data?handler=Erase", Fields(("Person", "ama@example.org"), ("Confirm", "true")))),
        new("POST /proposals/{id:guid}/grievances", true, async c => ($"/proposals/{await SeedAsync(c)}/grievances", Fields(("Form.Channel", "Phone"), ("Form.Category", "Environment"), ("Form.Text", "Dust from the works")))),
        new("POST /proposals/{id:guid}/grievances/{grievance:guid} Acknowledge", true, async c => ($"/proposals/{await SeedAsync(c)}/grievances/{Guid.NewGuid()}?handler=Acknowledge", Fields()), Unknown: true),
        new("POST /proposals/{id:guid}/grievances/{grievance:guid} Answer", true, async c => ($"/proposals/{await SeedAsync(c)}/grievances/{Guid.NewGuid()}?handler=Answer", Fields(("Note", "Done"))), Unknown: true),
        new("POST /proposals/{id:guid}/grievances/{grievance:guid} Escalate", true, async c => ($"/proposals/{await SeedAsync(c)}/grievances/{Guid.NewGuid()}?handler=Escalate", Fields(("Level", "AccreditedEntity"))), Unknown: true),
        new("POST /proposals/{id:guid}/grievances/{grievance:guid} Close", true, async c => ($"/proposals/{await SeedAsync(c)}/grievances/{Guid.NewGuid()}?handler=Close", Fields(("Note", "Done"))), Unknown: true),
        new("POST /consult/{id:guid}", false, c => Task.FromResult(($"/consult/{Guid.NewGuid()}", Fields(("Form.Text", "A comment"), ("Form.Consent", "true")))), Unknown: true),
        new("POST /consult/{id:guid}/grievance", false, c => Task.FromResult(($"/consult/{Guid.NewGuid()}/grievance", Fields(("Form.Category", "Other"), ("Form.Text", "A grievance"), ("Form.Consent", "true")))), Unknown: true),
        new("POST /proposals/{id:guid}/budget/import", true, async c => ($"/proposals/{await SeedAsync(c)}/budget/import", Fields(("replace", "true")))),
        new("POST /proposals/{id:guid}/{step}", true, async c =>
        {
            var url = $"/proposals/{await SeedAsync(c)}/basics";
            return (url, await StepFormAsync(c, url));
        }),
        new("POST /proposals/{id:guid}/{step} Autosave", true, async c =>
        {
            var url = $"/proposals/{await SeedAsync(c)}/basics";
            return (url + "?handler=Autosave", await StepFormAsync(c, url));
        }, Json: true),
    ];

    /// The unsafe endpoints of the running app: minimal endpoints by their HTTP methods, pages
    /// by their OnPost handlers (a page answers every method; its post handlers are the writes).
    private SortedSet<string> UnsafeEndpoints()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH"))
                found.Add($"{method} /{endpoint.RoutePattern.RawText!.Trim('/')}".TrimEnd('/'));
        }
        foreach (var page in typeof(Program).Assembly.GetTypes().Where(t => typeof(Page).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var route = page.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(a => a.Key == "RouteTemplate")?.Value;
            var model = page.GetProperty("Model")?.PropertyType;
            if (route is null || model is null)
                continue;
            foreach (var handler in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var name = handler.Name["OnPost".Length..].Replace("Async", "", StringComparison.Ordinal);
                found.Add($"POST {route}{(name.Length > 0 ? " " + name : "")}");
            }
        }
        return found;
    }

    [Fact]
    public void EveryUnsafeEndpoint_IsInTheMatrix()
    {
        var inMatrix = Targets.Select(t => t.Key).Concat(ApiTargets.Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        var found = UnsafeEndpoints();
        output.WriteLine($"T14: {found.Count} unsafe endpoints:\n" + string.Join("\n", found));
        Assert.Equal([], found.Where(f => !inMatrix.Contains(f)).ToArray());
        Assert.True(found.Count >= 17, $"only {found.Count} unsafe endpoints found; the enumeration is broken");
    }

    [Fact]
    public async Task Forms_RefuseEveryBadTokenPair_AndAcceptTheValidOne()
    {
        // An administrator of the organisation and of the platform, so that every form is theirs to post.
        await app.CreateUserAsync(Editor, AccessScope.WorkspaceOrganisationId, Web.Data.Accounts.MemberRole.OrganisationAdmin, platformAdmin: true);
        await app.CreateUserAsync(Other, AccessScope.WorkspaceOrganisationId);
        await EnsureDonorAsync();
        await app.CreateUserAsync(Scorer, Donor, Web.Data.Accounts.MemberRole.Editor);
        using var other = new CookieJarClient(app.CreateBareClient());
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync(Other)).StatusCode);
        var otherToken = await other.TokenAsync("/proposals/new");
        var otherCookie = other.Cookies[SecurityKit.AntiforgeryCookie];

        var refused = 0;
        var cases = 0;
        var fivehundreds = 0;
        var failures = new List<string>();
        foreach (var target in Targets)
        {
            using var client = new CookieJarClient(app.CreateBareClient());
            if (target.SignedIn)
                Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(target.As ?? Editor)).StatusCode);
            var token = await client.TokenAsync(!target.SignedIn ? "/account/sign-in" : target.As is null ? "/proposals/new" : "/account/sign-in");
            var (url, body) = await target.Prepare(client);
            var session = client.Cookies.Where(c => c.Key == SecurityKit.SessionCookie).ToDictionary();
            var cookieToken = client.Cookies[SecurityKit.AntiforgeryCookie];
            Dictionary<string, string> With(string? antiforgeryCookie) =>
                antiforgeryCookie is null ? new(session) : new(session) { [SecurityKit.AntiforgeryCookie] = antiforgeryCookie };

            (string Case, Dictionary<string, string> Cookies, string? Token)[] bad =
            [
                ("1 no token", With(null), null),
                ("2 cookie only", With(cookieToken), null),
                ("3 request token only", With(null), token),
                ("4 swapped", With(token), cookieToken),
                ("5a other person's request token", With(cookieToken), otherToken),
                ("5b other person's pair", With(otherCookie), otherToken),
            ];
            foreach (var (name, cookies, sent) in bad)
            {
                var response = await Send(client, url, body(sent), cookies, target.Json);
                cases++;
                fivehundreds += (int)response.StatusCode >= 500 ? 1 : 0;
                if (response.StatusCode == HttpStatusCode.BadRequest)
                    refused++;
                else
                    failures.Add($"{target.Key} case {name}: {(int)response.StatusCode}");
            }
            var valid = await Send(client, url, body(token), With(cookieToken), target.Json);
            fivehundreds += (int)valid.StatusCode >= 500 ? 1 : 0;
            if (target.Unknown ? valid.StatusCode == HttpStatusCode.BadRequest : (int)valid.StatusCode is < 200 or >= 400)
                failures.Add($"{target.Key} case 6 valid: {(int)valid.StatusCode}");
            else if (target.Json)
                Assert.Contains("\"saved\"", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        output.WriteLine($"T14: {Targets.Length} form endpoints × 6 bad cases: {refused}/{cases} answered 400; valid token accepted on {Targets.Length - failures.Count(f => f.Contains("case 6", StringComparison.Ordinal))}/{Targets.Length}; {fivehundreds} answers ≥ 500");
        Assert.Empty(failures);
        Assert.Equal(0, fivehundreds);
    }

    private static Task<HttpResponseMessage> Send(CookieJarClient client, string url, HttpContent content, Dictionary<string, string> cookies, bool json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        // From this site's own page, so that only the token decides.
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (json)
            request.Headers.Add("Accept", "application/json");
        return client.SendAsync(request, cookies);
    }

    private sealed record ApiTarget(string Key, HttpMethod Method, Func<Guid, string> Url, Func<string, HttpContent?> Body);

    private static readonly ApiTarget[] ApiTargets =
    [
        new("POST /api/proposals", HttpMethod.Post, _ => "/api/proposals", json => new StringContent(json, Encoding.UTF8, "application/json")),
        new("PUT /api/proposals/{id:guid}", HttpMethod.Put, id => $"/api/proposals/{id}", json => new StringContent(json, Encoding.UTF8, "application/json")),
        new("POST /api/proposals/{id:guid}/packages", HttpMethod.Post, id => $"/api/proposals/{id}/packages", _ => null),
        new("DELETE /api/proposals/{id:guid}", HttpMethod.Delete, id => $"/api/proposals/{id}", _ => null),
    ];

    /// The JSON API takes no form token: another site's request is refused by what the browser
    /// says about where it comes from (Fetch metadata, else Origin), before anything runs.
    [Fact]
    public async Task Api_RefusesRequestsFromAnotherSite()
    {
        await app.CreateUserAsync(Editor, AccessScope.WorkspaceOrganisationId);
        using var client = new CookieJarClient(app.CreateBareClient());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Editor)).StatusCode);
        var json = Samples.ReadText("mitigation-tamale-solar-led.json");
        (string Name, string Header, string Value)[] foreign =
        [
            ("Origin evil", "Origin", "https://evil.example"),
            ("Origin evil subdomain look-alike", "Origin", "https://localhost.evil.example"),
            ("Origin null", "Origin", "null"),
            ("Sec-Fetch-Site cross-site", "Sec-Fetch-Site", "cross-site"),
            ("Sec-Fetch-Site same-site", "Sec-Fetch-Site", "same-site"),
        ];
        var refused = 0;
        var failures = new List<string>();
        foreach (var target in ApiTargets)
        {
            var id = await SeedAsync(client);
            var etag = (await client.GetAsync($"/api/proposals/{id}")).Headers.ETag!.ToString();
            foreach (var (name, header, value) in foreign)
            {
                using var request = new HttpRequestMessage(target.Method, target.Url(id)) { Content = target.Body(json) };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                request.Headers.Add(header, value);
                var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.BadRequest)
                    refused++;
                else
                    failures.Add($"{target.Key} {name}: {(int)response.StatusCode}");
            }
            using (var db = app.OpenDb())
                Assert.Equal(1, db.Proposals.Single(p => p.Id == id).Version);
            using var mine = new HttpRequestMessage(target.Method, target.Url(id)) { Content = target.Body(json) };
            mine.Headers.Add("Origin", "https://localhost");
            mine.Headers.TryAddWithoutValidation("If-Match", etag);
            mine.Headers.Add("Sec-Fetch-Site", "same-origin");
            var ok = await client.SendAsync(mine);
            if ((int)ok.StatusCode is < 200 or >= 300)
                failures.Add($"{target.Key} same-origin: {(int)ok.StatusCode}");
        }
        output.WriteLine($"T14 API: {refused}/{ApiTargets.Length * foreign.Length} cross-site requests answered 400; same-origin accepted on {ApiTargets.Length - failures.Count}/{ApiTargets.Length}");
        Assert.Empty(failures);
    }
}
