namespace FinanceBuilder.Web.Tests.Infrastructure;

/// The sample proposals of samples/, copied next to the test assembly.
public static class Samples
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples");

    public static IEnumerable<string> Files => Directory.EnumerateFiles(Folder, "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Files)
                data.Add(Path.GetFileName(file));
            return data;
        }
    }

    /// Real, Board-approved GCF projects transcribed from their public records (samples/real/,
    /// docs/real-projects/), named relative to the samples folder ("real/sap032-….json").
    public static TheoryData<string> RealNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Folder, "real"), "*.json").Order(StringComparer.Ordinal))
                data.Add("real/" + Path.GetFileName(file));
            return data;
        }
    }

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static string ReadText(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// The repository root (for docs/ and samples/ checks), found from the test assembly.
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FinanceBuilder.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("FinanceBuilder.sln not found above the test folder.");
        }
    }
}
