using System.Diagnostics;
using System.Text.Json;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;
using Json.Schema;

namespace FinanceBuilder.Web.Tests.Cli;

/// What a script relies on: standard output holds only the result (parsed as JSON for every
/// command with --format json, in a real process whose logs and messages go elsewhere), the
/// documented JSON Schemas describe that output and match the code, and every command has --help.
public sealed class CommandLineOutputTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("fb-cli-out-").FullName;

    // Parsed once each: JsonSchema.Net registers a schema under its $id and refuses a second one.
    private static readonly Lazy<JsonSchema> ReportSchema = new(() => JsonSchema.FromText(File.ReadAllText(DocsFile("validation-report.schema.json"))));
    private static readonly Lazy<JsonSchema> BatchSchema = new(() => JsonSchema.FromText(File.ReadAllText(DocsFile("cli-batch.schema.json"))));

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static string DocsFile(string name) => Path.Combine(Samples.RepositoryRoot, "docs", name);

    private static string Sample(string name) => Path.Combine(Samples.Folder, name);

    /// The built program in a process of its own, as `./financebuilder` runs it.
    private async Task<(int Exit, string Out, string Error)> ProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FinanceBuilder.Web.dll"));
        foreach (var argument in args.Concat(database.CommandLineOptions))
            start.ArgumentList.Add(argument);
        // Logs at their most talkative: none of it may reach standard output.
        start.Environment["Logging__LogLevel__Default"] = "Debug";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static void AssertValid(JsonSchema schema, JsonElement element)
    {
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task EveryCommandWithFormatJson_WritesOnlyJson_OnStandardOutput()
    {
        var admin = await ProcessAsync("create-admin", "chief@agency.test", "--format", "json");
        var migrate = await ProcessAsync("migrate", "--format", "json");
        var validate = await ProcessAsync("validate", Sample("mitigation-tamale-solar-led.json"), "--format", "json");
        var package = await ProcessAsync("package", Sample("ppf-saint-louis-coastal-fr.json"), "--format", "json", "--out", Path.Combine(folder, "one"));
        var batch = await ProcessAsync("validate", Samples.Folder, "--format", "json");
        var schema = await ProcessAsync("schema", "--kind", "validation-report");

        foreach (var (name, run) in new[] { ("create-admin", admin), ("migrate", migrate), ("validate", validate), ("package", package), ("batch", batch), ("schema", schema) })
        {
            Assert.True(run.Exit == ExitCodes.Ok, $"{name}: exit {run.Exit}: {run.Error}");
            using var parsed = JsonDocument.Parse(run.Out);
        }
        AssertValid(ReportSchema.Value, JsonDocument.Parse(validate.Out).RootElement);
        AssertValid(BatchSchema.Value, JsonDocument.Parse(package.Out).RootElement);
        AssertValid(BatchSchema.Value, JsonDocument.Parse(batch.Out).RootElement);
    }

    [Fact]
    public async Task ImportAndExport_FormatJson_InAProcess()
    {
        // An account to act for: the set-up link's invitation is not an account, so the test's editor is made in-process.
        await CommandLineAccounts.EditorAsync(database);
        var import = await ProcessAsync("import", Sample("mitigation-tamale-solar-led.json"), "--format", "json", "--as", TestAccounts.DefaultEditor);
        Assert.True(import.Exit == ExitCodes.Ok, import.Error);
        var id = JsonDocument.Parse(import.Out).RootElement.GetProperty("proposal").GetProperty("id").GetString()!;

        var export = await ProcessAsync("export", id, Path.Combine(folder, "back.json"), "--format", "json", "--as", TestAccounts.DefaultEditor);

        Assert.True(export.Exit == ExitCodes.Ok, export.Error);
        Assert.Equal(Path.Combine(folder, "back.json"), JsonDocument.Parse(export.Out).RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public async Task JsonLines_EachLineMatchesTheBatchSchema()
    {
        var broken = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(broken, "{");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["validate", Samples.Folder, broken, "--format", "jsonl", "--route", "sap"], stdout, stderr);

        Assert.Equal(ExitCodes.BadInput, exit);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Samples.Files.Count() + 2, lines.Length);
        foreach (var line in lines)
            AssertValid(BatchSchema.Value, JsonDocument.Parse(line).RootElement);
        // Every report in the lines is also a valid report on its own.
        foreach (var line in lines.SkipLast(2))
            AssertValid(ReportSchema.Value, JsonDocument.Parse(line).RootElement.GetProperty("report"));
    }

    [Theory]
    [InlineData("validation-report.schema.json", OutputSchemas.ValidationReport)]
    [InlineData("cli-batch.schema.json", OutputSchemas.Batch)]
    public void PublishedOutputSchemas_MatchTheCode(string file, string kind)
    {
        Assert.True(File.ReadAllText(DocsFile(file)) == OutputSchemas.Json(kind),
            $"docs/{file} is out of date; regenerate it with: ./financebuilder schema --kind {kind} docs/{file}");
    }

    [Fact]
    public void TheReportSchema_RefusesAReportMissingItsFindings()
    {
        using var report = JsonDocument.Parse("""{"route":"sap","templateVersion":"x","hasErrors":"no"}""");

        Assert.False(ReportSchema.Value.Evaluate(report.RootElement).IsValid);
    }

    [Theory]
    [InlineData("en", "Usage:")]
    [InlineData("fr", "Utilisation")]
    public async Task EveryCommand_HasItsHelp_InTheUsersLanguage(string lang, string usage)
    {
        foreach (var command in new[] { "validate", "package", "import", "export", "migrate", "create-admin", "backup", "restore", "schema" })
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await CommandLine.RunAsync([command, "--help", "--lang", lang], stdout, stderr);

            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains(usage, stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains($"financebuilder {command}", stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal("", stderr.ToString());
        }
    }

    [Fact]
    public async Task RootHelp_ListsTheExitStatuses()
    {
        using var stdout = new StringWriter();

        var exit = await CommandLine.RunAsync(["help"], stdout, TextWriter.Null);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("4 database unreachable", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "validate", "x.json")]
    [InlineData(true, "valdiate", "x.json")]
    [InlineData(true, "--help")]
    [InlineData(false, "--urls", "http://127.0.0.1:5000")]
    [InlineData(false, "--FinanceBuilder:DataDirectory=/srv/fb")]
    public void AWord_IsACommand_AnOptionStartsTheWebApp(bool command, params string[] args) =>
        // A mistyped command is told so by the parser (exit 2) instead of starting a web server.
        Assert.Equal(command, CommandLine.IsCommand(args));
}
