using System.Runtime.CompilerServices;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Tests.Docx;

/// <summary>
/// document.xml of the every-block sample, normalised, against a golden file next to this test.
/// After an intended change, run the tests with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class DocxGoldenTests
{
    [Fact]
    public void EveryBlock_MatchesTheGoldenDocumentXml()
    {
        using var stream = new MemoryStream();
        DocxRenderer.Render(SampleDocuments.EveryBlock(), SampleDocuments.Info(draft: true), DocumentTheme.Default, stream);
        var actual = DocxChecks.NormalizedDocumentXml(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(Folder(), "Golden", "every-block.document.xml");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(path, actual);

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void EdgeCases_Validate()
    {
        var ragged = new Chart(ChartKind.Line, "", ["a", "b", "c"], [new ChartSeries("short", [1]), new ChartSeries("nan", [double.NaN, double.PositiveInfinity, 2, 5])]);
        var document = new ContentDocument(
        [
            new PageBreak(),
            new Table([], 0, []),
            new Table([[], SampleDocuments.Row("one", "two", "three")], 3, []),
            new Heading(0, []),
            new Heading(9, [new TextRun("Deep")]),
            new BulletList(true, [[], [new BulletList(false, [[new Chart(ChartKind.Bar, "In a list", [], [])]])], [new Table([SampleDocuments.Row("x")], 0, [])]]),
            new TableOfContents(),
            ragged,
            new PageBreak(),
            new PageBreak(),
        ]);
        using var stream = new MemoryStream();

        DocxRenderer.Render(document, SampleDocuments.Info() with { Language = "", Header = "", Labels = new DocumentLabels("{1}/{0} {2}", "", "") }, DocumentTheme.Default, stream);

        Assert.Empty(DocxChecks.Validate(stream.ToArray()));
    }

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
