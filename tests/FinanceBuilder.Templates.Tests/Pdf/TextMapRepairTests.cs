using FinanceBuilder.Templates.Pdf;

namespace FinanceBuilder.Templates.Tests.Pdf;

public class TextMapRepairTests
{
    private const string Map = """
        /CIDInit /ProcSet findresource begin
        begincmap
        1 begincodespacerange
        <0003><1F53>
        endcodespacerange
        3 beginbfrange
        <0003><0003><0020>
        <1F53><1F53><1F30D>
        <1F60><1F61><1F30E>
        endbfrange
        endcmap CMapName currentdict /CMap defineresource pop end end

        """;

    [Fact]
    public void CodePointsBeyondBmp_BecomeSurrogatePairs_AndTheRestIsKept()
    {
        var mended = TextMapRepair.Mend(Map.ReplaceLineEndings("\n"));

        Assert.Contains("1 beginbfrange\n<0003><0003><0020>\nendbfrange\n", mended, StringComparison.Ordinal);
        // U+1F30D is D83C DF0D in UTF-16; a range of two glyphs becomes two characters.
        Assert.Contains("3 beginbfchar\n<1F53> <D83CDF0D>\n<1F60> <D83CDF0E>\n<1F61> <D83CDF0F>\nendbfchar\nendcmap", mended, StringComparison.Ordinal);
        Assert.DoesNotContain("<1F30D>", mended, StringComparison.Ordinal);
    }

    [Fact]
    public void MapWithinBmp_IsLeftAlone()
    {
        var map = "1 beginbfrange\n<0003><0003><0020>\nendbfrange\nendcmap";

        Assert.Same(map, TextMapRepair.Mend(map));
    }

    [Theory]
    [InlineData("Plain text, é, ☀ and 气候", false)]
    [InlineData("A globe 🌍", true)]
    public void Needed_OnlyForCharactersBeyondBmp(string text, bool needed) => Assert.Equal(needed, TextMapRepair.Needed(text));
}
