using System.Text.Json;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Cli;

/// validate and package over a folder or several files, as an agency's script runs them: one line
/// per proposal in the order given, past a broken file, a summary at the end, the worst exit status.
public sealed partial class CommandLineTests
{
    /// A folder with two samples, a file that is not JSON and one that is not a proposal.
    private string BatchFolder()
    {
        var batch = Directory.CreateDirectory(Path.Combine(folder, "batch")).FullName;
        File.Copy(Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), Path.Combine(batch, "a-tamale.json"));
        File.Copy(Path.Combine(Samples.Folder, "ppf-saint-louis-coastal-fr.json"), Path.Combine(batch, "b-saint-louis.json"));
        File.WriteAllText(Path.Combine(batch, "c-broken.json"), "{\"schemaVersion\": 1, \"basics\": ");
        File.WriteAllText(Path.Combine(batch, "d-focus.json"), """{"schemaVersion":1,"basics":{"focus":"geoengineering"}}""");
        File.WriteAllText(Path.Combine(batch, "notes.txt"), "not a proposal, not read");
        return batch;
    }

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task ValidateFolder_Jsonl_OneLinePerFileInOrder_PastBrokenFiles_ThenTheSummary()
    {
        var batch = BatchFolder();

        var result = await Run("validate", batch, "--format", "jsonl", "--jobs", "3");

        var lines = JsonLines(result.Out);
        Assert.Equal(5, lines.Count);
        Assert.Equal(["a-tamale.json", "b-saint-louis.json", "c-broken.json", "d-focus.json"],
            lines.Take(4).Select(l => Path.GetFileName(l.GetProperty("input").GetString()!)));
        Assert.Equal(["ok", "ok", "bad-input", "bad-input"], lines.Take(4).Select(l => l.GetProperty("status").GetString()));
        Assert.Equal("fundingProposal", lines[0].GetProperty("report").GetProperty("route").GetString());
        Assert.Contains("$.basics.focus", lines[3].GetProperty("message").GetString(), StringComparison.Ordinal);
        var summary = lines[4];
        Assert.Equal("summary", summary.GetProperty("kind").GetString());
        Assert.Equal((4, 2, 2), (summary.GetProperty("files").GetInt32(), summary.GetProperty("ok").GetInt32(), summary.GetProperty("badInput").GetInt32()));
        // The worst line decides: a file that could not be read is bad input.
        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Equal(ExitCodes.BadInput, summary.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task ValidateSeveralFiles_Text_OneTabSeparatedLineEach_AndErrorsGiveExit1()
    {
        var tamale = Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json");
        var cotonou = Path.Combine(Samples.Folder, "adaptation-cotonou-drainage-fr.json");

        var result = await Run("validate", tamale, cotonou, "--route", "sap");

        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Take(2), l => Assert.Equal(3, l.Split('\t').Length));
        Assert.StartsWith($"errors\t{tamale}\t", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^2 proposals: \d without errors, \d with errors, 0 bad input; [\d.]+ s$", lines[2]);
        Assert.Equal(ExitCodes.Findings, result.Exit);
    }

    [Fact]
    public async Task ValidateFolder_SameLinesWithOneJobOrFour()
    {
        var batch = BatchFolder();

        var one = await Run("validate", batch, "--format", "jsonl", "--jobs", "1");
        var four = await Run("validate", batch, "--format", "jsonl", "--jobs", "4");

        // Every line but the summary's time is the same, whatever the parallelism.
        static string Stable(string output) => string.Join('\n', output.Split('\n').Where(l => !l.Contains("\"summary\"", StringComparison.Ordinal)));
        Assert.Equal(Stable(one.Out), Stable(four.Out));
    }

    [Fact]
    public async Task PackageFolder_EachProposalInItsOwnFolder_PastBrokenFiles()
    {
        var batch = BatchFolder();
        var output = Path.Combine(folder, "out");

        var result = await Run("package", batch, "--out", output, "--format", "json", "--jobs", "2");

        using var document = JsonDocument.Parse(result.Out);
        var results = document.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["ok", "ok", "bad-input", "bad-input"], results.Select(r => r.GetProperty("status").GetString()));
        foreach (var made in results.Take(2))
        {
            var package = made.GetProperty("package");
            Assert.True(File.Exists(package.GetProperty("zip").GetString()));
            Assert.Equal(Path.Combine(output, Path.GetFileNameWithoutExtension(made.GetProperty("input").GetString())!), package.GetProperty("folder").GetString());
            Assert.All(package.GetProperty("files").EnumerateArray(), f => Assert.True(File.Exists(f.GetString())));
        }
        Assert.Equal(["a-tamale", "b-saint-louis"], Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ExitCodes.BadInput, document.RootElement.GetProperty("summary").GetProperty("exitCode").GetInt32());
        Assert.Equal(ExitCodes.BadInput, result.Exit);
    }

    /// Two proposals of the same file name (from two folders) never write into one folder.
    [Fact]
    public async Task Package_TwoFilesOfTheSameName_GetTwoFolders()
    {
        var first = Directory.CreateDirectory(Path.Combine(folder, "north")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(folder, "south")).FullName;
        File.Copy(Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), Path.Combine(first, "commune.json"));
        File.Copy(Path.Combine(Samples.Folder, "ppf-saint-louis-coastal-fr.json"), Path.Combine(second, "commune.json"));
        var output = Path.Combine(folder, "same-names");

        var result = await Run("package", Path.Combine(first, "commune.json"), Path.Combine(second, "commune.json"), "--out", output, "--format", "jsonl");

        Assert.Equal(["commune", "commune-2"], Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var zips = JsonLines(result.Out).Where(l => l.TryGetProperty("package", out _)).Select(l => l.GetProperty("package").GetProperty("zip").GetString()!).ToList();
        Assert.Equal(2, zips.Count);
        Assert.All(zips, zip => Assert.True(File.Exists(zip), zip));
        Assert.NotEqual(Path.GetDirectoryName(zips[0]), Path.GetDirectoryName(zips[1]));
    }

    [Fact]
    public async Task Batch_AnArgumentThatIsNeitherFileNorId_GetsItsLine_AndTheOthersGoOn()
    {
        var result = await Run("validate", Path.Combine(folder, "missing.json"), Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), "--format", "jsonl", "--lang", "fr");

        var lines = JsonLines(result.Out);
        Assert.Equal("bad-input", lines[0].GetProperty("status").GetString());
        Assert.Contains("ni fichier ni dossier", lines[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", lines[1].GetProperty("status").GetString());
        Assert.Equal(ExitCodes.BadInput, result.Exit);
    }

    [Fact]
    public async Task Batch_StoredProposalsById_BesideFiles()
    {
        var imported = await Run("import", Path.Combine(Samples.Folder, "adaptation-cotonou-drainage-fr.json"));
        var id = imported.Out.Split('\t')[0];

        var result = await Run("validate", id, Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), Guid.NewGuid().ToString(), "--format", "jsonl");

        var lines = JsonLines(result.Out);
        Assert.Equal(["ok", "ok", "bad-input"], lines.Take(3).Select(l => l.GetProperty("status").GetString()));
        Assert.Equal(id, lines[0].GetProperty("input").GetString());
    }

    [Fact]
    public async Task Batch_WithAStoredProposal_ButNoAccount_IsRefusedBeforeAnyWork()
    {
        var result = await RunExactly("validate", Guid.NewGuid().ToString(), Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), "--format", "jsonl");

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Equal("", result.Out);
        Assert.Contains("--as <email", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_Text_InFrench_WithItsPlurals()
    {
        var result = await Run("validate", Path.Combine(folder, "absent.json"), Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), "--lang", "fr");

        var lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("inutilisable\t", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ok\t", lines[1], StringComparison.Ordinal);
        Assert.Matches("^2\u00A0propositions\u00A0: 1 sans erreur, 0 avec erreurs, 1\u00A0inutilisable\u00A0; [\\d,]+\u00A0s$", lines[2]);
    }
}
