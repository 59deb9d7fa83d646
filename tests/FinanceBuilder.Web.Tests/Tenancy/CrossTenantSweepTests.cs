using System.Net;
using FinanceBuilder.Web.Data;
using Microsoft.EntityFrameworkCore;
using static FinanceBuilder.Web.Tests.Tenancy.TenancyWorld;

namespace FinanceBuilder.Web.Tests.Tenancy;

/// Reliability-tests T01: people of organisation A — editor, administrator, the agency that
/// supports A, a donor — send every route that names a resource, with every method, using the
/// ids of organisation B. Every answer is 404 (405 where the route has no such method for
/// anyone), B's canary appears in no body or header, and B's stored data is unchanged. Lists
/// with a tampered ?tenantId= show nothing of B either.
public sealed class CrossTenantSweepTests(TenancyWorld world) : IClassFixture<TenancyWorld>
{
    private static readonly Role[] Outsiders = [Role.ApplicantEditor, Role.ApplicantAdmin, Role.PlatformAdmin, Role.AgencyEditor, Role.DonorEditor];

    [Fact]
    public async Task EveryResourceRoute_WithAnotherTenantsIds_Is404_AndLeaksNothing()
    {
        var before = await FingerprintOfBAsync();
        // The platform administration works across organisations by design (it manages them);
        // everyone else gets 403 there, which the role matrix checks.
        var routes = AppEndpoint.Read(world.App)
            .Where(e => e.Route.Contains("{id:guid}", StringComparison.Ordinal) && !e.Route.StartsWith("/admin", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (Method: m, e.Route)))
            .Concat(RoleMatrixTests.Handlers.Keys.Select(k => (Method: k.Split(' ')[0], Route: k.Split(' ')[1]))
                .Where(h => h.Route.Contains("{id:guid}", StringComparison.Ordinal) && !h.Route.StartsWith("/admin", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(routes);
        var problems = new List<string>();
        foreach (var role in Outsiders)
        {
            foreach (var (method, route) in routes)
            {
                using var response = await Calls.SendAsync(world.Clients[role], method, Calls.Fill(route, world, role, world.ProposalB));
                var body = await response.Content.ReadAsStringAsync();
                var headers = response.Headers.ToString() + response.Content.Headers;
                var declared = RoleMatrixTests.Declared.GetValueOrDefault($"{method} {route}") ?? RoleMatrixTests.Handlers[$"{method} {route}"];
                var expected = RoleMatrixTests.IsNoSuchMethod(declared) ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.NotFound;
                // A function this role may never use is refused with 403 whatever the id, before
                // any lookup: that says nothing about B either.
                var refusedForRole = response.StatusCode == HttpStatusCode.Forbidden && !RoleMatrixTests.Grants[role].Contains(RoleMatrixTests.PolicyOf(declared));
                if (response.StatusCode != expected && !refusedForRole)
                    problems.Add($"{role} {method} {route}: {(int)response.StatusCode}, expected {(int)expected}");
                if (body.Contains(Canary, StringComparison.Ordinal) || headers.Contains(Canary, StringComparison.Ordinal))
                    problems.Add($"{role} {method} {route}: B's canary in the answer");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(before, await FingerprintOfBAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/proposals/")]
    [InlineData("/api/proposals/?pageSize=500")]
    public async Task Lists_WithTamperedTenant_ShowNothingOfB(string list)
    {
        var tampered = list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tenantId=" + world.OrganisationB + "&organisationId=" + world.OrganisationB;
        foreach (var role in Outsiders)
        {
            using var response = await world.Clients[role].GetAsync(tampered);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            Assert.DoesNotContain(world.ProposalB.ToString(), body, StringComparison.Ordinal);
        }
        // The sweep would prove nothing if B's data were invisible to B itself.
        using var own = await world.Clients[Role.OtherTenantEditor].GetAsync(list);
        if (own.StatusCode == HttpStatusCode.OK)
            Assert.Contains(world.ProposalB.ToString(), await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// Everything stored for B, as one string: rows that a leaked write would change.
    private async Task<string> FingerprintOfBAsync()
    {
        using var db = world.App.OpenDb();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.OwnerOrganisationId == world.OrganisationB)
            .OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Version + ":" + p.Document.Length + ":" + p.IsDeleted + ":" + p.Status).ToListAsync();
        var comments = await db.Comments.AsNoTracking().CountAsync(c => c.OrganisationId == world.OrganisationB);
        var submissions = await db.Submissions.AsNoTracking().CountAsync(s => s.OrganisationId == world.OrganisationB);
        var shares = await db.ProposalShares.AsNoTracking().CountAsync(s => s.OrganisationId == world.OrganisationB);
        var approvals = await db.Approvals.AsNoTracking().Where(a => a.OrganisationId == world.OrganisationB).Select(a => a.BoardMeeting + a.ApprovedOn).ToListAsync();
        var values = await db.IndicatorValues.AsNoTracking().CountAsync(v => v.OrganisationId == world.OrganisationB);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.OrganisationId == world.OrganisationB).Select(c => c.Place + c.Attendance + c.Level).ToListAsync();
        var inputs = await db.ParticipationInputs.AsNoTracking().Where(i => i.OrganisationId == world.OrganisationB).Select(i => i.Text + i.Moderation + i.Response + i.ErasedAt).ToListAsync();
        var grievances = await db.Grievances.AsNoTracking().Where(g => g.OrganisationId == world.OrganisationB).Select(g => g.Text + g.Status + g.AcknowledgedAt + g.ClosedAt).ToListAsync();
        var pages = await db.PublicConsultations.AsNoTracking().Where(p => p.OrganisationId == world.OrganisationB).Select(p => p.Title + p.ClosesOn).ToListAsync();
        return string.Join("|", proposals) + $"|comments={comments}|submissions={submissions}|shares={shares}|approvals={string.Join(",", approvals)}|values={values}"
            + $"|consultations={string.Join(",", consultations)}|inputs={string.Join(",", inputs)}|grievances={string.Join(",", grievances)}|pages={string.Join(",", pages)}";
    }
}
