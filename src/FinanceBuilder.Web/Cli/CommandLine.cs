using System.Globalization;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Rules;
using Mediator;

namespace FinanceBuilder.Web.Cli;

/// The command line of the same executable, for agencies' batch work and automation. Each
/// command runs the same handlers as the HTTP API, on the same configured database. Output is
/// one line; bad input exits non-zero with a one-line message on standard error.
public static class CommandLine
{
    private static readonly string[] Commands = ["import", "export", "migrate", "schema", "validate", "package", "create-admin", "backup", "restore", "help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var (positional, options, culture) = Split(args);
        try
        {
            return positional[0] switch
            {
                "schema" => await WriteSchemaAsync(positional, stdout),
                "validate" when positional.Count == 2 && File.Exists(positional[1]) => await ValidateAsync(await File.ReadAllBytesAsync(positional[1]), positional[1], culture, Option(args, "--format"), Option(args, "--route"), stdout, stderr),
                "package" when positional.Count == 2 => await PackageAsync(positional[1], options, culture, Option(args, "--template"), Option(args, "--lang"), Option(args, "--out"), Option(args, "--as"), stdout, stderr),
                "help" => Usage(stdout, 0),
                _ => await RunWithDatabaseAsync(positional, options, culture, Option(args, "--format"), Option(args, "--route"), Option(args, "--as"), stdout, stderr),
            };
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            // A wrong setting (FinanceBuilderOptions): which key, and what is wrong with it.
            return await Fail(stderr, $"configuration: {string.Join("; ", ex.Failures)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await Fail(stderr, ex.Message);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            // Most often: the database cannot be reached. One line, not a stack trace.
            var inner = ex.InnerException is { } cause ? $" ({cause.Message})" : "";
            return await Fail(stderr, $"database: {ex.Message}{inner}");
        }
    }

    private static async Task<int> RunWithDatabaseAsync(List<string> positional, string[] options, CultureInfo culture, string? format, string? route, string? actAs, TextWriter stdout, TextWriter stderr)
    {
        var builder = FinanceBuilderApp.CreateBuilder(options);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        if (positional[0] is "backup" or "restore")
        {
            if (positional.Count != 2)
                return Usage(stderr, 2);
            var target = app.Services.GetRequiredService<DatabaseTarget>();
            if (positional[0] == "backup")
                return await Backups.BackupAsync(target, positional[1], stdout, stderr);
            var restored = await Backups.RestoreAsync(target, positional[1], stdout, stderr);
            if (restored == 0)
                await DatabaseStartup.MigrateAsync(app.Services);
            return restored;
        }
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        switch (positional[0])
        {
            case "migrate":
                await stdout.WriteLineAsync($"Database is up to date: {app.Services.GetRequiredService<DatabaseTarget>().Description}");
                return 0;
            case "create-admin" when positional.Count == 2:
                return await CreateAdminAsync(scope.ServiceProvider, positional[1], stdout, stderr);
            case "help":
                return Usage(stdout, 0);
        }

        // Everything else reads or writes proposals, as the account named with --as.
        if (positional[0] switch { "import" or "validate" => positional.Count != 2, "export" => positional.Count != 3, _ => true })
            return Usage(stderr, 2);
        if (await CommandUser.ActAsAsync(scope.ServiceProvider, actAs) is { } refused)
            return await Fail(stderr, refused);
        switch (positional[0])
        {
            case "import" when positional.Count == 2:
                {
                    var file = positional[1];
                    if (!File.Exists(file))
                        return await Fail(stderr, $"{file}: no such file");
                    var result = await mediator.Send(new ImportProposal.Command(await File.ReadAllBytesAsync(file), culture));
                    if (result.Created is not { } created)
                    {
                        var more = result.Errors.Count > 1 ? $" (+{result.Errors.Count - 1} more)" : "";
                        return await Fail(stderr, $"{file}: {result.Errors[0].Message}{more}");
                    }
                    await stdout.WriteLineAsync($"{created.Id}\t{created.Title}");
                    return 0;
                }
            case "validate" when positional.Count == 2:
                {
                    if (!Guid.TryParse(positional[1], out var id))
                        return await Fail(stderr, $"{positional[1]}: no such file, and not a proposal id");
                    var found = await mediator.Send(new GetProposal.Query(id));
                    if (found is null)
                        return await Fail(stderr, $"{id}: {Messages.Format(culture, "NotFound")}");
                    return await ValidateAsync(System.Text.Encoding.UTF8.GetBytes(found.Document), id.ToString(), culture, format, route, stdout, stderr);
                }
            case "export" when positional.Count == 3:
                {
                    if (!Guid.TryParse(positional[1], out var id))
                        return await Fail(stderr, $"{positional[1]}: not a proposal id (expected a GUID such as 0193f1d2-…)");
                    var found = await mediator.Send(new GetProposal.Query(id));
                    if (found is null)
                        return await Fail(stderr, $"{id}: {Messages.Format(culture, "NotFound")}");
                    await File.WriteAllTextAsync(positional[2], found.Document + "\n");
                    await stdout.WriteLineAsync($"{positional[2]}\tversion {found.Summary.Version}");
                    return 0;
                }
            default:
                return Usage(stderr, 2);
        }
    }

    /// package <file.json|id> [--template pack] [--lang en|fr] [--out dir]: writes the zip and each
    /// of its files into the folder (the current one by default), one path per line. A proposal
    /// with errors gives a draft package (exit 0, and a line saying so); exit 1 when nothing was made.
    private static async Task<int> PackageAsync(string source, string[] options, CultureInfo culture, string? template, string? lang, string? outDir, string? actAs, TextWriter stdout, TextWriter stderr)
    {
        var builder = FinanceBuilderApp.CreateBuilder(options);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        string json;
        // A proposal of the database brings its attached files (annexes/ in the zip); a file's
        // claims of files it does not carry are dropped, so the manifest lists only what is there.
        AsyncServiceScope? stored = null;
        Guid storedId = default;
        try
        {
            if (File.Exists(source))
            {
                json = Storage.AttachedFiles.WithoutFiles(await File.ReadAllTextAsync(source));
            }
            else if (Guid.TryParse(source, out storedId))
            {
                await DatabaseStartup.MigrateAsync(app.Services);
                stored = app.Services.CreateAsyncScope();
                if (await CommandUser.ActAsAsync(stored.Value.ServiceProvider, actAs) is { } refused)
                    return await Fail(stderr, refused);
                var found = await stored.Value.ServiceProvider.GetRequiredService<IMediator>().Send(new GetProposal.Query(storedId));
                if (found is null)
                    return await Fail(stderr, $"{storedId}: {Messages.Format(culture, "NotFound")}");
                json = found.Document;
            }
            else
            {
                return await Fail(stderr, $"{source}: no such file, and not a proposal id");
            }
            // A stored proposal's pictures are drawn (its files, seen as the acting user); a file's have none.
            var pictures = stored?.ServiceProvider.GetRequiredService<Features.Documents.DocumentPictures>();
            var (package, problem) = await app.Services.GetRequiredService<Features.Documents.Packages.PackageBuilder>().BuildAsync(json, template, lang, culture, CancellationToken.None, pictures);
            if (package is null)
                return await Fail(stderr, $"{source}: {problem!.Message}");
            var folder = Path.GetFullPath(outDir ?? ".");
            Directory.CreateDirectory(folder);
            foreach (var file in package.Files)
            {
                var path = Path.Combine(folder, file.Name);
                await File.WriteAllBytesAsync(path, file.Content);
                await stdout.WriteLineAsync(path);
            }
            var zipPath = Path.Combine(folder, package.Zip.Name);
            if (package.Annexes.Count > 0 && stored is { } scope)
            {
                var download = await Features.Documents.Packages.PackageDownload.OfProposalAsync(package, storedId,
                    scope.ServiceProvider.GetRequiredService<FinanceBuilderDbContext>(), scope.ServiceProvider.GetRequiredService<Storage.ContentStore>(), CancellationToken.None);
                await using var output = File.Create(zipPath);
                await download.WriteAsync(output, CancellationToken.None);
            }
            else
            {
                await File.WriteAllBytesAsync(zipPath, package.Zip.Content);
            }
            await stdout.WriteLineAsync(zipPath);
            var pages = Messages.Count(culture, "Cli.Pages", package.Pages);
            var words = Messages.Count(culture, "Cli.Words", package.Words);
            await stdout.WriteLineAsync(Messages.Format(culture, package.Draft ? "Cli.PackageDraft" : "Cli.PackageClean", pages, words));
            return 0;
        }
        finally
        {
            if (stored is { } scope)
                await scope.DisposeAsync();
        }
    }

    /// create-admin <email>: a one-time link (24 hours) with which that person creates a platform
    /// administrator account and names their organisation. No password ever passes through the
    /// command line or its history.
    private static async Task<int> CreateAdminAsync(IServiceProvider scoped, string email, TextWriter stdout, TextWriter stderr)
    {
        if (email.Length > 256 || !email.Contains('@', StringComparison.Ordinal))
            return await Fail(stderr, $"{email}: not an email address");
        var db = scoped.GetRequiredService<FinanceBuilderDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        if (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => u.NormalizedEmail == normalized))
            return await Fail(stderr, $"{email}: an account already uses this address");
        var token = await scoped.GetRequiredService<Features.Accounts.Invitations>().CreateAsync(null, email, Data.Accounts.MemberRole.OrganisationAdmin, platformAdmin: true, invitedBy: null, CancellationToken.None);
        var link = scoped.GetRequiredService<Features.Accounts.PublicLinks>().To(Features.Accounts.Invitations.SetupPath(token));
        await stdout.WriteLineAsync($"Send this one-time link to {email.Trim()}; it works once, for 24 hours:");
        await stdout.WriteLineAsync(link);
        return 0;
    }

    /// Exit 0 when no error-level finding, 1 otherwise (and for a file that cannot be read).
    private static async Task<int> ValidateAsync(byte[] json, string name, CultureInfo culture, string? format, string? route, TextWriter stdout, TextWriter stderr)
    {
        var read = new ProposalReader().Read(json, culture);
        if (!read.Succeeded)
            return await Fail(stderr, $"{name}: {read.Errors[0].Message}");
        Route? target = null;
        if (route is not null)
        {
            if (!RouteNames.TryParse(route, out var parsed))
                return await Fail(stderr, $"--route {route}: {Messages.Format(culture, "UnknownValue", "--route", route, RouteNames.Allowed)}");
            target = parsed;
        }
        var report = new ProposalValidation(new RuleCatalogue(RuleSettings.Default)).Validate(read.Proposal!, target);
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            await stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(Features.Validation.ValidationReportView.From(report, culture), Features.Validation.ValidationReportView.JsonOptions));
        }
        else
        {
            foreach (var line in report.Lines(culture))
                await stdout.WriteLineAsync(line);
            var errors = report.Findings.Count(f => f.Severity == Rules.Severity.Error);
            var warnings = report.Findings.Count(f => f.Severity == Rules.Severity.Warning && f.Acknowledged is null);
            var readiness = string.Join(", ", report.Criteria.Select(c => $"{ProposalText.Get($"Enum.InvestmentCriterion.{c.Name}", culture)} {(c.Score / 100m).ToString("P0", culture)}"));
            await stdout.WriteLineAsync(Messages.Format(culture, "Cli.ValidateSummary", name,
                Messages.Count(culture, "Cli.Errors", errors), Messages.Count(culture, "Cli.OpenWarnings", warnings), readiness));
        }
        return report.HasErrors ? 1 : 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<int> WriteSchemaAsync(List<string> positional, TextWriter stdout)
    {
        if (positional.Count > 1)
            await File.WriteAllTextAsync(positional[1], ProposalSchema.Json);
        else
            await stdout.WriteAsync(ProposalSchema.Json);
        return 0;
    }

    private static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"error: {message.ReplaceLineEndings(" ")}");
        return 1;
    }

    private static int Usage(TextWriter writer, int exitCode)
    {
        writer.WriteLine("usage: FinanceBuilder.Web import <file.json> --as <email> | export <id> <file.json> --as <email> | validate <file.json|id> [--as <email>] [--format text|json] [--route sap] | package <file.json|id> [--as <email>] [--template gcf-funding-proposal] [--lang en|fr] [--out dir] | create-admin <email> | migrate | backup <file> | restore <file> | schema [file] [--lang fr]");
        return exitCode;
    }

    /// Positional words, host options (--Key=value, passed to configuration) and --lang.
    private static (List<string> Positional, string[] Options, CultureInfo Culture) Split(string[] args)
    {
        var positional = new List<string>();
        var options = new List<string>();
        var culture = Messages.CultureFor(Environment.GetEnvironmentVariable("LANG"));
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
                culture = Messages.CultureFor(args[++i]);
            else if (args[i] is "--format" or "--route" or "--template" or "--out" or "--as" && i + 1 < args.Length)
                i++;
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
                options.Add(args[i]);
            else
                positional.Add(args[i]);
        }
        return (positional, options.ToArray(), culture);
    }
}
