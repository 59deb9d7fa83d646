using System.Net;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Security;

/// A one-time link is used once, even by two requests at the same moment: two people posting
/// the first-administrator link together make one administrator, not two.
public sealed class InvitationRaceTests : IDisposable
{
    private readonly AppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task SetUpLink_PostedTwiceAtOnce_CreatesOneAdministrator()
    {
        string token;
        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().ActAsSystem();
            token = await scope.ServiceProvider.GetRequiredService<Invitations>().CreateAsync(null, "", MemberRole.OrganisationAdmin, platformAdmin: true, invitedBy: null, CancellationToken.None);
        }
        var clients = new[] { app.CreateBrowserClient(), app.CreateBrowserClient(), app.CreateBrowserClient(), app.CreateBrowserClient() };
        var forms = new List<FormUrlEncodedContent>();
        for (var i = 0; i < clients.Length; i++)
        {
            var page = await clients[i].GetStringAsync(Invitations.SetupPath(token));
            forms.Add(new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page),
                ["organisationName"] = $"Racer {i}",
                ["kind"] = "Municipality",
                ["displayName"] = $"Racer {i}",
                ["email"] = $"racer{i}@race.test",
                ["password"] = "a long phrase for the race",
            }));
        }

        var answers = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(Invitations.SetupPath(token), forms[i])));

        using var db = app.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.IsPlatformAdmin));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        foreach (var client in clients)
            client.Dispose();
    }
}
