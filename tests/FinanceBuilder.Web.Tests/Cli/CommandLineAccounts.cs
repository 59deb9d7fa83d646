using FinanceBuilder.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Cli;

/// The account the command-line tests act for (--as): the workspace's editor, made once per database.
internal static class CommandLineAccounts
{
    public static async Task EditorAsync(TestDatabase database)
    {
        await using var app = Web.App.FinanceBuilderApp.CreateBuilder(database.CommandLineOptions).Build();
        await Web.Data.DatabaseStartup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.Accounts.UserAccount>>();
        var created = await users.CreateAsync(
            new Web.Data.Accounts.UserAccount { Id = Guid.NewGuid(), UserName = TestAccounts.DefaultEditor, Email = TestAccounts.DefaultEditor, OrganisationId = Web.Data.AccessScope.WorkspaceOrganisationId, Role = Web.Data.Accounts.MemberRole.Editor },
            TestAccounts.Password);
        Assert.True(created.Succeeded);
    }
}
