using FinanceBuilder.Web.Tests.Infrastructure;

namespace FinanceBuilder.Web.Tests.Documents;

/// The committed golden files of Documents/Golden and the one comparison every golden test uses:
/// with FB_UPDATE_GOLDEN=1 the file is rewritten, otherwise the output must equal it exactly.
internal static class GoldenFiles
{
    /// The sample every golden file is made from.
    public const string Sample = "mitigation-tamale-solar-led.json";

    public static void Check(string name, string actual)
    {
        var file = Path.Combine(Samples.RepositoryRoot, "tests", "FinanceBuilder.Web.Tests", "Documents", "Golden", name);
        if (Environment.GetEnvironmentVariable("FB_UPDATE_GOLDEN") == "1")
            File.WriteAllText(file, actual);
        Assert.True(File.Exists(file), $"{file} is missing: run the tests with FB_UPDATE_GOLDEN=1 to write it.");
        var expected = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            // Name the first line that differs: a whole document in an assertion message is unreadable.
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"{name} differs from line {line + 1}:\n expected: {(line < e.Length ? e[line] : "(end)")}\n actual:   {(line < a.Length ? a[line] : "(end)")}\nRegenerate with FB_UPDATE_GOLDEN=1 if the change is intended.");
        }
    }
}
