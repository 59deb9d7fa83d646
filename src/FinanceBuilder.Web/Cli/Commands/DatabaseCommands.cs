using System.CommandLine;
using System.Text.Json;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Validation;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Cli.Commands;

/// migrate, create-admin, backup and restore: the configured database itself.
internal static class DatabaseCommands
{
    public static Command Migrate(CliSession session)
    {
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json);
        var command = new Command("migrate", session.Text("Cli.Help.Migrate")) { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = new CliHost(session);
            await host.MigrateAsync();
            var where = host.Services.GetRequiredService<DatabaseTarget>().Description;
            await session.Out.WriteLineAsync(parse.GetValue(format) == CliFormats.Json
                ? JsonSerializer.Serialize(new { database = where, upToDate = true }, ValidationReportView.JsonOptions)
                : $"Database is up to date: {where}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// A one-time link (24 hours) with which that person creates a platform administrator account
    /// and names their organisation. No password ever passes through the command line or its history.
    public static Command CreateAdmin(CliSession session)
    {
        var email = new Argument<string>("email") { Description = session.Text("Cli.Help.AdminEmail") };
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json);
        var command = new Command("create-admin", session.Text("Cli.Help.CreateAdmin")) { email, format };
        command.SetAction(async (parse, ct) =>
        {
            var address = parse.GetValue(email)!.Trim();
            if (address.Length > 256 || !address.Contains('@', StringComparison.Ordinal))
                return session.Fail(ExitCodes.BadInput, $"{address}: not an email address");
            await using var host = new CliHost(session);
            await host.MigrateAsync();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>();
            var normalized = address.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
                return session.Fail(ExitCodes.BadInput, $"{address}: an account already uses this address");
            var token = await scope.ServiceProvider.GetRequiredService<Features.Accounts.Invitations>().CreateAsync(null, address, Data.Accounts.MemberRole.OrganisationAdmin, platformAdmin: true, invitedBy: null, ct);
            var link = scope.ServiceProvider.GetRequiredService<Features.Accounts.PublicLinks>().To(Features.Accounts.Invitations.SetupPath(token));
            if (parse.GetValue(format) == CliFormats.Json)
            {
                await session.Out.WriteLineAsync(JsonSerializer.Serialize(new { email = address, link, validHours = 24 }, ValidationReportView.JsonOptions));
            }
            else
            {
                await session.Out.WriteLineAsync($"Send this one-time link to {address}; it works once, for 24 hours:");
                await session.Out.WriteLineAsync(link);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Backup(CliSession session)
    {
        var file = new Argument<string>("file") { Description = session.Text("Cli.Help.BackupFile") };
        var command = new Command("backup", session.Text("Cli.Help.Backup")) { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = new CliHost(session);
            return await Backups.BackupAsync(host.Services.GetRequiredService<DatabaseTarget>(), parse.GetValue(file)!, session.Out, session.Error);
        });
        return command;
    }

    public static Command Restore(CliSession session)
    {
        var file = new Argument<string>("file") { Description = session.Text("Cli.Help.RestoreFile") };
        var command = new Command("restore", session.Text("Cli.Help.Restore")) { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = new CliHost(session);
            var restored = await Backups.RestoreAsync(host.Services.GetRequiredService<DatabaseTarget>(), parse.GetValue(file)!, session.Out, session.Error);
            // A backup of an older version comes back up to date.
            if (restored == ExitCodes.Ok)
                await host.MigrateAsync();
            return restored;
        });
        return command;
    }
}
