using System.IO.Compression;
using FinanceBuilder.Web.Cli;
using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Cli;

/// `package <file.json|id> --template --lang --out`: the same package as the API, written to a
/// folder (the command-line fixture is CommandLineTests').
public sealed partial class CommandLineTests
{
    [Fact]
    public async Task Package_FromAFile_WritesEveryFileAndTheZip()
    {
        var result = await Run("package", Path.Combine(Samples.Folder, "adaptation-cotonou-drainage-fr.json"), "--template", "gcf-concept-note", "--lang", "fr", "--out", folder);

        // A draft (error-level findings) exits 1, a final package 0.
        Assert.True(result.Exit == (result.Out.Contains("brouillon", StringComparison.Ordinal) ? ExitCodes.Findings : ExitCodes.Ok), result.Error);
        var written = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Equal(8, written.Count);
        Assert.Contains("manifest.json", written);
        var zip = Assert.Single(written, n => n!.EndsWith(".zip", StringComparison.Ordinal));
        Assert.StartsWith("CN-", zip, StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(Path.Combine(folder, zip!));
        Assert.Equal(7, archive.Entries.Count);
        // --lang fr: the documents and the command's own words are French.
        Assert.Matches("(brouillon\u00A0: la proposition comporte des erreurs|aucune erreur\u00A0:) .*\\d+ pages, [\\d\u202F\u00A0]+ mots", result.Out);
    }

    [Fact]
    public async Task Package_FromAnId_UsesTheStoredProposal()
    {
        var imported = await Run("import", Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"));
        Assert.True(imported.Exit == 0, imported.Error);
        var id = imported.Out.Split('\t')[0];

        var result = await Run("package", id, "--template", "gcf-funding-proposal", "--lang", "en", "--out", folder);

        Assert.True(result.Exit == 0, result.Error);
        Assert.Single(Directory.GetFiles(folder, "FP-*.pdf"), f => !f.Contains("validation", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--template", "no-such-pack", "no-such-pack")]
    [InlineData("--lang", "de", "de")]
    public async Task Package_BadChoice_IsBadUsage_NamingTheValue(string option, string value, string named)
    {
        var result = await Run("package", Path.Combine(Samples.Folder, "mitigation-tamale-solar-led.json"), option, value, "--out", folder);

        Assert.Equal(ExitCodes.Usage, result.Exit);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task Package_MissingFile_IsBadInput()
    {
        var result = await Run("package", Path.Combine(folder, "nothing.json"));

        Assert.Equal(ExitCodes.BadInput, result.Exit);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }
}
