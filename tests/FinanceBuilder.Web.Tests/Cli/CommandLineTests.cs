using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Cli;

/// `import`, `export` and `migrate` on the same executable, against the configured database.
public sealed partial class CommandLineTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("fb-cli-").FullName;

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    /// Runs a command as the workspace's editor (for the commands that act for someone) unless it names its own --as.
    private async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        await EnsureEditorAsync();
        var actsForSomeone = args.Length > 0 && args[0] is "validate" or "package" or "import" or "export";
        return await RunExactly(args.Contains("--as") || !actsForSomeone ? args : [.. args, "--as", TestAccounts.DefaultEditor]);
    }

    private bool editorCreated;

    private async Task EnsureEditorAsync()
    {
        if (editorCreated)
            return;
        editorCreated = true;
        await CommandLineAccounts.EditorAsync(database);
    }

    private async Task<(int Exit, string Out, string Error)> RunExactly(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, .. database.CommandLineOptions], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Samples.Names), MemberType = typeof(Samples))]
    public async Task ImportThenExport_WritesTheSampleBack(string sample)
    {
        var imported = await Run("import", Path.Combine(Samples.Folder, sample));
        Assert.True(imported.Exit == 0, imported.Error);
        var id = imported.Out.Split('\t')[0];

        var target = Path.Combine(folder, "export.json");
        var exported = await Run("export", id, target);

        Assert.True(exported.Exit == 0, exported.Error);
        Assert.Equal(Samples.ReadText(sample), await File.ReadAllTextAsync(target));
    }

    [Fact]
    public async Task Import_BadFile_ExitsNonZeroWithOneLine_NamingThePath()
    {
        var file = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(file, """{"schemaVersion":1,"basics":{"focus":"geoengineering"}}""");

        var result = await Run("import", file);

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("$.basics.focus", line, StringComparison.Ordinal);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadFile_InFrench()
    {
        var file = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(file, """{"schemaVersion":7}""");

        var result = await Run("import", file, "--lang", "fr");

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Contains("la version 7 n’est pas prise en charge", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_And_Export_UnknownId_FailWithOneLine()
    {
        var missing = await Run("import", Path.Combine(folder, "nope.json"));
        var unknown = await Run("export", Guid.NewGuid().ToString(), Path.Combine(folder, "x.json"));
        var notAnId = await Run("export", "abc", Path.Combine(folder, "x.json"));

        Assert.All([missing, unknown, notAnId], r =>
        {
            Assert.Equal(ExitCodes.BadInput, r.Exit);
            Assert.Single(r.Error.TrimEnd('\n').Split('\n'));
        });
        Assert.False(File.Exists(Path.Combine(folder, "x.json")));
    }

    [Fact]
    public async Task Migrate_SaysWhereTheDatabaseIs()
    {
        var result = await Run("migrate");

        Assert.Equal(0, result.Exit);
        Assert.StartsWith("Database is up to date: ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_File_ExitsZeroWithoutErrors_AndOneOnErrors()
    {
        var sample = Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json");

        var clean = await Run("validate", sample);
        var sap = await Run("validate", sample, "--route", "sap", "--format", "json");

        Assert.True(clean.Exit == 0, clean.Out + clean.Error);
        Assert.Contains("mitigation-tamale-solar-led.json: 0 errors, 0 open warnings; readiness Impact potential ", clean.Out, StringComparison.Ordinal);
        Assert.Equal(1, sap.Exit);
        using var report = System.Text.Json.JsonDocument.Parse(sap.Out);
        Assert.True(report.RootElement.GetProperty("hasErrors").GetBoolean());
    }

    [Fact]
    public async Task Validate_StoredProposal_ById_InFrench()
    {
        var imported = await Run("import", Path.Combine(Samples.Folder, "adaptation-cotonou-drainage-fr.json"));
        var id = imported.Out.Split('\t')[0];

        var result = await Run("validate", id, "--route", "sap", "--lang", "fr");

        Assert.Equal(1, result.Exit);
        Assert.Contains("R-015 erreur", result.Out, StringComparison.Ordinal);
        Assert.Contains("La procédure SAP n’accepte que la catégorie E&S C ou I-3", result.Out, StringComparison.Ordinal);
        // The summary line too, with French plurals and typography.
        Assert.Matches($"{id}\u00A0: \\d+ erreurs?, \\d+ avertissements? ouverts?\u00A0; état de préparation ", result.Out);
        Assert.DoesNotContain("error", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_ExitsNonZeroWithOneLine()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(["migrate", "--ConnectionStrings:Postgres=Host=127.0.0.1;Port=1;Username=x;Timeout=2"], stdout, stderr);

        Assert.Equal(ExitCodes.StorageUnreachable, exit);
        var line = Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: database: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProposalCommands_NeedANamedEnabledAccount()
    {
        var imported = await Run("import", Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"));
        var id = imported.Out.Split('\t')[0];

        var nobody = await RunExactly("export", id, Path.Combine(folder, "x.json"));
        var stranger = await Run("export", id, Path.Combine(folder, "x.json"), "--as", "nobody@elsewhere.test");

        // Forgetting --as is bad usage; naming nobody is bad input.
        Assert.Equal(ExitCodes.Usage, nobody.Exit);
        Assert.Contains("--as <email", nobody.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, stranger.Exit);
        Assert.Contains("no enabled account", stranger.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.json")));
    }

    [Fact]
    public async Task CreateAdmin_PrintsAOneTimeSetUpLink_AndNoPassword()
    {
        var result = await Run("create-admin", "chief@agency.test");
        var again = await Run("create-admin", TestAccounts.DefaultEditor);

        Assert.Equal(0, result.Exit);
        Assert.Matches(@"/account/setup/[A-Za-z0-9_-]{43}\s*$", result.Out);
        Assert.Equal(ExitCodes.BadInput, again.Exit);
        Assert.Contains("already uses this address", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("validate", "--format", "xml", "x.json")]
    [InlineData("validate", "--jobs", "0", "x.json")]
    [InlineData("package", "--no-such-option", "x.json")]
    [InlineData("frobnicate", "x.json")]
    public async Task BadUsage_SaysWhatIsWrong_PointsToTheHelp_AndExits2(params string[] args)
    {
        var result = await Run(args);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Equal("", result.Out);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }
}
