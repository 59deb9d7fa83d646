// Golden files: the rendered Markdown of each pack in each language for one sample, committed in
// Documents/Golden/<pack>.<language>.md, so that any change to a template or to the mapper shows
// up in review as a diff of the document. After an intended change, regenerate them with
//     FB_UPDATE_GOLDEN=1 dotnet test tests/FinanceBuilder.Web.Tests --filter "FullyQualifiedName~PackGoldenTests"
// and commit the files. The render depends on nothing but the sample and the language (no clock,
// no machine culture), so the files are stable.
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.Documents;

public sealed class PackGoldenTests
{
    [Theory]
    [InlineData("gcf-funding-proposal", Language.En)]
    [InlineData("gcf-funding-proposal", Language.Fr)]
    [InlineData("gcf-sap", Language.En)]
    [InlineData("gcf-sap", Language.Fr)]
    [InlineData("gcf-concept-note", Language.En)]
    [InlineData("gcf-concept-note", Language.Fr)]
    public void Rendering_MatchesTheGoldenFile(string pack, Language language)
    {
        var markdown = PackTestKit.Render(pack, PackTestKit.Sample(GoldenFiles.Sample, language)).ReplaceLineEndings("\n");

        GoldenFiles.Check($"{pack}.{language.ToString().ToLowerInvariant()}.md", markdown);
    }
}
