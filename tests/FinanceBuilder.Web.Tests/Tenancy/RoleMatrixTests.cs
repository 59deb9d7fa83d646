using System.Net;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using static FinanceBuilder.Web.Tests.Tenancy.TenancyWorld;

namespace FinanceBuilder.Web.Tests.Tenancy;

/// Reliability-tests T02: every endpoint of the router, called with every method it accepts, as
/// every role and anonymously, must answer as the declared matrix says. An endpoint that is not
/// declared here, or whose authorization metadata differs from its declaration, fails the test:
/// a new endpoint cannot ship without a policy.
public sealed class RoleMatrixTests(TenancyWorld world) : IClassFixture<TenancyWorld>
{
    private const string Anonymous = "Anonymous";
    /// The page has no handler for this method: 405 for everyone signed in, or — written
    /// "405" + a policy — 405 for those the page's policy lets in and 403 for the others.
    internal const string NoSuchMethod = "405";

    internal static bool IsNoSuchMethod(string declared) => declared.StartsWith(NoSuchMethod, StringComparison.Ordinal);

    /// The policy that decides who gets past authorization.
    internal static string PolicyOf(string declared) =>
        !IsNoSuchMethod(declared) ? declared : declared.Length > NoSuchMethod.Length ? declared[NoSuchMethod.Length..] : Policies.SignedIn;

    /// The declared matrix: who may call each endpoint (policy names of Features/Accounts/Policies).
    /// Pages list the access of GET and of POST (posts under /proposals need an applicant editor
    /// unless the page only reads).
    internal static readonly Dictionary<string, string> Declared = new(StringComparer.Ordinal)
    {
        ["GET /"] = Policies.SignedIn,
        ["POST /"] = NoSuchMethod,
        ["GET /admin"] = Policies.PlatformAdmin,
        ["POST /admin"] = Policies.PlatformAdmin,
        ["GET /admin/audit"] = Policies.PlatformAdmin,
        ["POST /admin/audit"] = NoSuchMethod + Policies.PlatformAdmin,
        ["GET /admin/directory"] = Policies.PlatformAdmin,
        ["POST /admin/directory"] = NoSuchMethod + Policies.PlatformAdmin,
        ["GET /admin/organisations/{id:guid}"] = Policies.PlatformAdmin,
        ["POST /admin/organisations/{id:guid}"] = NoSuchMethod + Policies.PlatformAdmin,
        ["GET /organisation"] = Policies.OrganisationAdmin,
        ["POST /organisation"] = NoSuchMethod + Policies.OrganisationAdmin,
        ["GET /proposals/{id:guid}/activity"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/activity"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/comments"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/comments"] = Policies.ApplicantEditor,
        ["GET /review"] = Policies.Reviewer,
        ["POST /review"] = NoSuchMethod + Policies.Reviewer,
        ["GET /review/compare"] = Policies.Reviewer,
        ["POST /review/compare"] = NoSuchMethod + Policies.Reviewer,
        ["GET /review/{id:guid}"] = Policies.Reviewer,
        ["POST /review/{id:guid}"] = NoSuchMethod + Policies.Scorer,
        ["GET /review/{id:guid}/files/{name}"] = Policies.Reviewer,
        ["POST /review/{id:guid}/files/{name}"] = NoSuchMethod + Policies.Reviewer,
        ["GET /review/{id:guid}/sheet"] = Policies.Scorer,
        ["POST /review/{id:guid}/sheet"] = NoSuchMethod + Policies.Scorer,
        ["GET /review/{id:guid}/team"] = Policies.Scorer,
        ["POST /review/{id:guid}/team"] = NoSuchMethod + Policies.Scorer,
        ["GET /review/calls"] = Policies.Reviewer,
        ["POST /review/calls"] = Policies.Scorer,
        ["GET /review/calls/{callId:guid}"] = Policies.Reviewer,
        ["POST /review/calls/{callId:guid}"] = NoSuchMethod + Policies.Scorer,
        ["GET /review/{id:guid}/preview"] = Policies.Reviewer,
        ["POST /review/{id:guid}/preview"] = NoSuchMethod + Policies.Reviewer,
        ["GET /review/{id:guid}/reporting"] = Policies.Reviewer,
        ["POST /review/{id:guid}/reporting"] = NoSuchMethod + Policies.Reviewer,
        ["GET /review/{id:guid}/reporting/{year:int}"] = Policies.Reviewer,
        ["POST /review/{id:guid}/reporting/{year:int}"] = NoSuchMethod + Policies.Scorer,
        ["GET /review/{id:guid}/reporting/{year:int}/report"] = Policies.Reviewer,
        ["POST /review/{id:guid}/reporting/{year:int}/report"] = NoSuchMethod + Policies.Reviewer,
        ["GET /proposals/{id:guid}/reporting/{year:int}/report"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting/{year:int}/report"] = NoSuchMethod,
        ["GET /account/forgot-password"] = Anonymous,
        ["POST /account/forgot-password"] = Anonymous,
        ["GET /account/join/{token}"] = Anonymous,
        ["POST /account/join/{token}"] = Anonymous,
        ["GET /account/reset-password/{userId:guid}"] = Anonymous,
        ["POST /account/reset-password/{userId:guid}"] = Anonymous,
        ["GET /account/setup/{token}"] = Anonymous,
        ["POST /account/setup/{token}"] = Anonymous,
        ["GET /account/sign-in"] = Anonymous,
        ["POST /account/sign-in"] = Anonymous,
        ["POST /account/sign-out"] = Policies.SignedIn,
        ["GET /account/two-step"] = Anonymous,
        ["POST /account/two-step"] = Anonymous,
        ["GET /account/security"] = Policies.SignedIn,
        ["POST /account/security"] = NoSuchMethod + Policies.SignedIn,
        ["POST /api/proposals/"] = Policies.ApplicantEditor,
        ["GET /api/proposals/"] = Policies.SignedIn,
        ["GET /api/proposals/{id:guid}"] = Policies.SignedIn,
        ["PUT /api/proposals/{id:guid}"] = Policies.ApplicantEditor,
        ["DELETE /api/proposals/{id:guid}"] = Policies.ApplicantEditor,
        ["POST /api/proposals/{id:guid}/packages"] = Policies.SignedIn,
        ["GET /api/proposals/{id:guid}/validation"] = Policies.SignedIn,
        ["GET /api/schema/proposal"] = Anonymous,
        ["GET /health"] = Anonymous,
        ["GET /health/live"] = Anonymous,
        ["GET /health/ready"] = Anonymous,
        // The API's OpenAPI document describes shapes, not anybody's data (Features/ApiDocument).
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /language/{language}"] = Anonymous,
        ["GET /proposals/import"] = Policies.SignedIn,
        ["POST /proposals/import"] = Policies.ApplicantEditor,
        ["GET /proposals/new"] = Policies.SignedIn,
        ["POST /proposals/new"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/accept-warning"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/accept-warning"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/check-answers"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/check-answers"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/delete"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/delete"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/export"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/export"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/package"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/package"] = Policies.SignedIn,
        ["GET /proposals/{id:guid}/preview/{pack}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/preview/{pack}"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/compare"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/compare"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/submit"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/submit"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/versions"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/versions"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/versions/{n:int}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/versions/{n:int}"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/versions/{n:int}/document"] = Policies.Applicant,
        ["POST /proposals/{id:guid}/versions/{n:int}/document"] = NoSuchMethod + Policies.ApplicantEditor,
        ["GET /notifications"] = Policies.SignedIn,
        ["POST /notifications"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/versions/{n:int}/package"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/versions/{n:int}/package"] = NoSuchMethod,
        // Monitoring after approval: read by those who work on the proposal; recorded by its editors.
        ["GET /proposals/{id:guid}/versions/{n:int}/approve"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/versions/{n:int}/approve"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/reporting"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/reporting/{year:int}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting/{year:int}"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/reporting/indicators/{indicator:guid}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting/indicators/{indicator:guid}"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/reporting/{year:int}/finances"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting/{year:int}/finances"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/reporting/approval"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/reporting/approval"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/consultations"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/consultations"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/consultations/public"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/consultations/public"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/consultations/inputs"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/consultations/inputs"] = NoSuchMethod,
        // The queue, the register and residents' personal data name people: editors only.
        ["GET /proposals/{id:guid}/consultations/moderation"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/moderation"] = NoSuchMethod + Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/consultations/personal-data"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/personal-data"] = NoSuchMethod + Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/grievances"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances"] = Policies.ApplicantEditor,
        ["GET /proposals/{id:guid}/grievances/{grievance:guid}"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances/{grievance:guid}"] = NoSuchMethod + Policies.ApplicantEditor,
        // The public consultation page and grievance form: anyone, no account.
        ["GET /consult/{id:guid}"] = Anonymous,
        ["POST /consult/{id:guid}"] = Anonymous,
        ["GET /consult/{id:guid}/grievance"] = Anonymous,
        ["POST /consult/{id:guid}/grievance"] = Anonymous,
        ["GET /proposals/{id:guid}/annexes/files"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/annexes/files"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/annexes/files/{file:guid}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/annexes/files/{file:guid}"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/location-map.svg"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/location-map.svg"] = NoSuchMethod,
        ["GET /proposals/{id:guid}/budget/import"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/budget/import"] = Policies.ApplicantEditor,
        // The public catalogue: read by anyone; prepared and published by the organisation's editors.
        ["GET /actions"] = Anonymous,
        ["POST /actions"] = NoSuchMethod + Anonymous,
        ["GET /actions/{id:guid}"] = Anonymous,
        ["POST /actions/{id:guid}"] = NoSuchMethod + Anonymous,
        ["GET /actions/{id:guid}/iati.xml"] = Anonymous,
        ["GET /open-data/iati.xml"] = Anonymous,
        ["GET /open-data/datapackage.json"] = Anonymous,
        ["GET /open-data/catalogue.jsonld"] = Anonymous,
        ["GET /open-data/projets-territoire.csv"] = Anonymous,
        ["GET /api/public/actions/"] = Anonymous,
        ["GET /api/public/actions/{id:guid}"] = Anonymous,
        ["GET /open-data/actions.csv"] = Anonymous,
        ["GET /open-data/funding.csv"] = Anonymous,
        ["GET /open-data/indicators.csv"] = Anonymous,
        ["GET /catalogue"] = Policies.Applicant,
        ["POST /catalogue"] = NoSuchMethod + Policies.Applicant,
        ["GET /catalogue/{id:guid}/edit"] = Policies.ApplicantEditor,
        ["POST /catalogue/{id:guid}/edit"] = Policies.ApplicantEditor,
        ["GET /catalogue/{id:guid}/publish"] = Policies.ApplicantEditor,
        ["POST /catalogue/{id:guid}/publish"] = NoSuchMethod + Policies.ApplicantEditor,
        // Territories and the shared library of indicators: read by anyone; shared by applicants' editors.
        ["GET /territories"] = Anonymous,
        ["POST /territories"] = NoSuchMethod + Anonymous,
        ["GET /territories/{country:length(2)}/{code?}"] = Anonymous,
        ["POST /territories/{country:length(2)}/{code?}"] = NoSuchMethod + Anonymous,
        ["GET /indicators"] = Anonymous,
        ["POST /indicators"] = NoSuchMethod + Anonymous,
        ["GET /api/public/territories"] = Anonymous,
        ["GET /api/public/territories/{country}"] = Anonymous,
        ["GET /api/public/territories/{country}/{code}"] = Anonymous,
        ["GET /api/public/indicators"] = Anonymous,
        ["GET /api/public/indicators/values"] = Anonymous,
        ["GET /open-data/territorial-indicators/datapackage.json"] = Anonymous,
        ["GET /open-data/territorial-indicators/definitions.csv"] = Anonymous,
        ["GET /open-data/territorial-indicators/datasets.csv"] = Anonymous,
        ["GET /open-data/territorial-indicators/values.csv"] = Anonymous,
        ["GET /open-data/territorial-indicators/datasets/{id:guid}.csv"] = Anonymous,
        ["GET /catalogue/indicators"] = Policies.Applicant,
        ["POST /catalogue/indicators"] = NoSuchMethod + Policies.Applicant,
        ["GET /proposals/{id:guid}/baselines"] = Policies.Applicant,
        ["POST /proposals/{id:guid}/baselines"] = NoSuchMethod + Policies.Applicant,
        ["GET /proposals/{id:guid}/{step}"] = Policies.SignedIn,
        ["POST /proposals/{id:guid}/{step}"] = Policies.ApplicantEditor,
    };

    /// Named page handlers (?handler=…), which the router does not list separately.
    internal static readonly Dictionary<string, string> Handlers = new(StringComparer.Ordinal)
    {
        ["POST /proposals/{id:guid}?handler=Duplicate"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/versions?handler=Share"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/versions?handler=Unshare"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/comments?handler=Resolve"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/comments?handler=Reopen"] = Policies.ApplicantEditor,
        ["POST /admin/organisations/{id:guid}?handler=Invite"] = Policies.PlatformAdmin,
        ["POST /admin/organisations/{id:guid}?handler=Disable"] = Policies.PlatformAdmin,
        ["POST /admin/organisations/{id:guid}?handler=Enable"] = Policies.PlatformAdmin,
        ["POST /admin/organisations/{id:guid}?handler=Link"] = Policies.PlatformAdmin,
        ["POST /admin/organisations/{id:guid}?handler=Unlink"] = Policies.PlatformAdmin,
        ["POST /admin?handler=Reload"] = Policies.PlatformAdmin,
        ["GET /admin/directory?handler=Csv"] = Policies.PlatformAdmin,
        ["POST /admin/directory?handler=Upload"] = Policies.PlatformAdmin,
        ["POST /admin/directory?handler=Reset"] = Policies.PlatformAdmin,
        ["POST /review/{id:guid}?handler=Save"] = Policies.Scorer,
        ["POST /review/{id:guid}?handler=Release"] = Policies.Scorer,
        ["POST /review/{id:guid}?handler=Withdraw"] = Policies.Scorer,
        ["POST /review/{id:guid}/sheet?handler=Declare"] = Policies.Scorer,
        ["POST /review/{id:guid}/sheet?handler=Save"] = Policies.Scorer,
        ["POST /review/{id:guid}/sheet?handler=Submit"] = Policies.Scorer,
        ["POST /review/{id:guid}/sheet?handler=Comment"] = Policies.Scorer,
        ["POST /proposals/{id:guid}/versions/{n:int}/document?handler=Answer"] = Policies.ApplicantEditor,
        ["POST /notifications?handler=Read"] = Policies.SignedIn,
        ["POST /notifications?handler=Preferences"] = Policies.SignedIn,
        ["POST /review/{id:guid}/team?handler=Assign"] = Policies.Scorer,
        ["POST /review/{id:guid}/team?handler=Unassign"] = Policies.Scorer,
        ["POST /review/{id:guid}/team?handler=Settings"] = Policies.Scorer,
        ["POST /review/calls/{callId:guid}?handler=Save"] = Policies.Scorer,
        ["POST /review/calls/{callId:guid}?handler=Reset"] = Policies.Scorer,
        ["POST /organisation?handler=Invite"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=Revoke"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=Role"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=Disable"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=Enable"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=Iati"] = Policies.OrganisationAdmin,
        ["POST /organisation?handler=TwoStep"] = Policies.OrganisationAdmin,
        ["POST /account/security?handler=Enable"] = Policies.SignedIn,
        ["POST /account/security?handler=Codes"] = Policies.SignedIn,
        ["POST /account/security?handler=Disable"] = Policies.SignedIn,
        ["POST /catalogue?handler=New"] = Policies.ApplicantEditor,
        ["POST /catalogue/{id:guid}/publish?handler=Publish"] = Policies.ApplicantEditor,
        ["POST /catalogue/{id:guid}/publish?handler=Withdraw"] = Policies.ApplicantEditor,
        ["POST /catalogue/indicators?handler=Upload"] = Policies.ApplicantEditor,
        ["POST /catalogue/indicators?handler=Withdraw"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/baselines?handler=Take"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/reporting?handler=Sent"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/reporting/{year:int}?handler=Comment"] = Policies.ApplicantEditor,
        ["POST /review/{id:guid}/reporting/{year:int}?handler=Comment"] = Policies.Scorer,
        ["POST /proposals/{id:guid}/reporting?handler=Reopen"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations?handler=Update"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/inputs?handler=Add"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/inputs?handler=Respond"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/moderation?handler=Publish"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/moderation?handler=Reject"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/personal-data?handler=Find"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/personal-data?handler=Export"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/consultations/personal-data?handler=Erase"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances/{grievance:guid}?handler=Acknowledge"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances/{grievance:guid}?handler=Answer"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances/{grievance:guid}?handler=Escalate"] = Policies.ApplicantEditor,
        ["POST /proposals/{id:guid}/grievances/{grievance:guid}?handler=Close"] = Policies.ApplicantEditor,
    };

    internal static readonly Dictionary<Role, HashSet<string>> Grants = new()
    {
        [Role.Anonymous] = [Anonymous],
        [Role.ApplicantReader] = [Anonymous, Policies.SignedIn, Policies.Applicant],
        [Role.ApplicantEditor] = [Anonymous, Policies.SignedIn, Policies.Applicant, Policies.ApplicantEditor],
        [Role.ApplicantAdmin] = [Anonymous, Policies.SignedIn, Policies.Applicant, Policies.ApplicantEditor, Policies.OrganisationAdmin],
        [Role.PlatformAdmin] = [Anonymous, Policies.SignedIn, Policies.Applicant, Policies.ApplicantEditor, Policies.OrganisationAdmin, Policies.PlatformAdmin],
        [Role.AgencyEditor] = [Anonymous, Policies.SignedIn, Policies.Applicant, Policies.ApplicantEditor],
        [Role.DonorReader] = [Anonymous, Policies.SignedIn, Policies.Reviewer],
        [Role.DonorEditor] = [Anonymous, Policies.SignedIn, Policies.Reviewer, Policies.Scorer],
    };

    [Fact]
    public void EveryEndpoint_IsDeclared_AndItsMetadataMatches()
    {
        var problems = new List<string>();
        var endpoints = AppEndpoint.Read(world.App);
        foreach (var endpoint in endpoints)
        {
            foreach (var method in endpoint.Methods)
            {
                var key = $"{method} {endpoint.Route}";
                if (!Declared.TryGetValue(key, out var declared))
                {
                    problems.Add($"{key}: not in the declared matrix");
                    continue;
                }
                if (endpoint.Anonymous != (PolicyOf(declared) == Anonymous))
                    problems.Add($"{key}: declared {declared}, endpoint anonymous={endpoint.Anonymous}");
                // A declared policy must be on the endpoint itself, except where a page's post is
                // restricted by the write filter or has no handler.
                // (A page's policy is declared by its GET; its posts are checked by calling them.)
                if (!endpoint.Anonymous && !(endpoint.IsPage && method == "POST") && !endpoint.Policies.Contains(PolicyOf(declared))
                    && !(endpoint.IsPage && method == "POST" && declared == Policies.ApplicantEditor && endpoint.Route.StartsWith("/proposals", StringComparison.Ordinal)))
                    problems.Add($"{key}: declared {declared}, endpoint has {string.Join("|", endpoint.Policies)}");
                if (!endpoint.Anonymous && endpoint.Policies.Count == 0)
                    problems.Add($"{key}: no authorization metadata");
            }
        }
        var stale = Declared.Keys.Where(k => !endpoints.Any(e => e.Methods.Any(m => $"{m} {e.Route}" == k))).ToList();
        problems.AddRange(stale.Select(k => $"{k}: declared but no such endpoint"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryRole_OnEveryEndpoint_GetsWhatTheMatrixDeclares()
    {
        var deviations = new List<string>();
        var calls = AppEndpoint.Read(world.App)
            .SelectMany(e => e.Methods.Select(m => (Method: m, e.Route)))
            .Where(c => Declared.ContainsKey($"{c.Method} {c.Route}"))
            .Concat(Handlers.Keys.Select(k => (Method: k.Split(' ')[0], Route: k.Split(' ')[1])))
            // Signing out ends the role's session: it goes last.
            .OrderBy(c => c.Route == "/account/sign-out")
            .ToList();
        foreach (var (role, grants) in Grants)
        {
            var client = world.Clients[role];
            foreach (var (method, route) in calls)
            {
                var declared = Declared.GetValueOrDefault($"{method} {route}") ?? Handlers[$"{method} {route}"];
                if (route == "/account/sign-out" && role == Role.Anonymous)
                    continue;
                using var response = await Calls.SendAsync(client, method, Calls.Fill(route, world, role));
                var status = (int)response.StatusCode;
                var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true
                    && route != "/account/sign-out";
                var allowed = grants.Contains(PolicyOf(declared));
                string? wrong = null;
                if (status >= 500)
                    wrong = $"server error {status}";
                else if (allowed && IsNoSuchMethod(declared) && status != 405)
                    wrong = $"has no {method} handler, should be 405, answered {status}";
                else if (allowed && (status is 401 or 403 || toSignIn))
                    wrong = $"allowed by {declared} but answered {status}";
                else if (!allowed && role == Role.Anonymous && !(toSignIn || status == 401))
                    wrong = $"anonymous should be sent to sign in, answered {status}";
                else if (!allowed && role != Role.Anonymous && status != 403)
                    wrong = $"needs {declared}, should be 403, answered {status}";
                if (wrong is not null)
                    deviations.Add($"{role} {method} {route}: {wrong}");
            }
        }
        Assert.True(deviations.Count == 0, string.Join("\n", deviations));
    }
}
