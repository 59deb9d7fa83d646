using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Tests.Text;

/// The characters the Open XML SDK refuses on save (measured in reliability-tests finding 3),
/// and text that must pass untouched (T20).
public sealed class DocumentTextTests
{
    public static TheoryData<string, int> Invalid => new()
    {
        { "a\u0000b", 1 },
        { "\u0001", 0 },
        { "pasted\u000Bfrom a PDF", 6 },
        { "form\u000Cfeed", 4 },
        { "c1 \u0085 control", 3 },
        { "delete \u007F", 7 },
        { "non-character \uFFFE", 14 },
        { "non-character \uFFFF", 14 },
        { "lone high \uD800 surrogate", 10 },
        { "lone low \uDC00 surrogate", 9 },
        { "high at the end \uD83D", 16 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void IndexOfInvalidCharacter_FindsTheFirstOne(string text, int index) =>
        Assert.Equal(index, DocumentText.IndexOfInvalidCharacter(text));

    [Theory]
    [InlineData("Plain text with tab\tand\r\nline breaks")]
    [InlineData("Français : « accents » — tirets, 12 000 FCFA")]
    [InlineData("Emoji 🌍🌊 and CJK 气候 and Arabic المناخ")]
    [InlineData("Right-to-left override \u202E and zero-width joiner \u200D")]
    [InlineData("")]
    public void ValidText_PassesUntouched(string text)
    {
        Assert.Equal(-1, DocumentText.IndexOfInvalidCharacter(text));
        Assert.Same(text, DocumentText.Sanitize(text));
    }

    [Fact]
    public void Sanitize_RemovesOnlyTheInvalidCharacters_AndKeepsSurrogatePairs()
    {
        var sanitized = DocumentText.Sanitize("a\u0000b\u000Bc 🌍 \uD800d\uFFFEe");

        Assert.Equal("abc 🌍 de", sanitized);
        Assert.Equal(-1, DocumentText.IndexOfInvalidCharacter(sanitized));
    }
}
