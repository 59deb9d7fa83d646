using FinanceBuilder.Templates.Packs;

namespace FinanceBuilder.Templates.Tests.Packs;

/// A pack is checked whole when it is loaded: every problem is reported with its file, line and
/// reason, and a pack never reads outside its own folder.
public sealed class PackLoaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fb-pack-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Pack(string id, string manifest, params (string Path, string Text)[] files)
    {
        var folder = Path.Combine(root, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest);
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, path))!);
            File.WriteAllText(Path.Combine(folder, path), text);
        }
        return folder;
    }

    private static string Manifest(string id = "gcf-concept-note", string sections = """[{ "id": "a", "file": "a.scriban" }, { "id": "b", "file": "b.scriban", "newPage": true }]""") => $$"""
        {
          // Comments are allowed: planning agencies edit packs by hand.
          "id": "{{id}}",
          "funder": "Green Climate Fund",
          "templateVersion": "GCF-CN-V2.2",
          "languages": ["en", "fr"],
          "fileName": "CN-{entity}-{date}",
          "sections": {{sections}}
        }
        """;

    [Fact]
    public void GoodPack_LoadsEveryLanguageAndSection_InOrder()
    {
        var folder = Pack("gcf-concept-note", Manifest(),
            ("en/a.scriban", "# {{ title }}"), ("en/b.scriban", "B"), ("fr/a.scriban", "# {{ title }}"), ("fr/b.scriban", "B"));

        var pack = PackLoader.Load(folder);

        Assert.True(pack.Manifest.Sections[1].NewPage);
        Assert.Equal(["en", "fr"], pack.Sections.Keys.Order());
        Assert.Equal("# Cotonou", pack.Sections["fr"][0].Render(new Dictionary<string, object?> { ["title"] = "Cotonou" }));
    }

    [Fact]
    public void EveryProblem_IsReported_WithFileAndLine()
    {
        var folder = Pack("gcf-concept-note", Manifest(),
            ("en/a.scriban", "ok"), ("en/b.scriban", "line 1\n{{ for x in }}"), ("fr/a.scriban", "ok"));

        var error = Assert.Throws<PackException>(() => PackLoader.Load(folder));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.File.EndsWith(Path.Combine("en", "b.scriban"), StringComparison.Ordinal) && p.Line == 2);
        Assert.Contains(error.Problems, p => p.File.EndsWith(Path.Combine("fr", "b.scriban"), StringComparison.Ordinal) && p.Reason.Contains("no fr template", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenManifest_IsReportedWithItsLine()
    {
        var folder = Pack("broken", "{\n  \"id\": \"broken\",\n  \"funder\": 12,\n}");

        var error = Assert.Throws<PackException>(() => PackLoader.Load(folder));

        var problem = Assert.Single(error.Problems);
        Assert.EndsWith("manifest.json", problem.File, StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
    }

    [Theory]
    [InlineData("../outside.scriban")]
    [InlineData("/etc/passwd.scriban")]
    [InlineData("sub/a.scriban")]
    [InlineData("a.txt")]
    public void FileOutsideThePack_IsRefused(string file)
    {
        File.WriteAllText(Path.Combine(root, "outside.scriban"), "secret");
        var folder = Pack("gcf-concept-note", Manifest(sections: $$"""[{ "id": "a", "file": "{{file}}" }]"""));

        var error = Assert.Throws<PackException>(() => PackLoader.Load(folder));

        Assert.Contains(error.Problems, p => p.Reason.Contains("not a plain file name", StringComparison.Ordinal));
    }

    [Fact]
    public void IdOtherThanTheFolder_AndDuplicateSections_AreReported()
    {
        var folder = Pack("renamed-folder", Manifest(sections: """[{ "id": "a", "file": "a.scriban" }, { "id": "a", "file": "a.scriban" }]"""),
            ("en/a.scriban", "x"), ("fr/a.scriban", "x"));

        var error = Assert.Throws<PackException>(() => PackLoader.Load(folder));

        Assert.Contains(error.Problems, p => p.Reason.Contains("is not the folder's name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Reason.Contains("used twice", StringComparison.Ordinal));
    }
}
