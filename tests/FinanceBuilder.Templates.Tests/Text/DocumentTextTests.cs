using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Tests.Text;

/// The characters the Open XML SDK refuses on save (measured in reliability-tests finding 3),
/// and text that must pass untouched (T20).
public sealed class DocumentTextTests
{
    // Built from code points in the test: xUnit would replace a lone surrogate in theory data
    // with U+FFFD when it serialises the cases.
    public static TheoryData<string, int, string> Invalid => new()
    {
        { "a", 0x0000, "b" },
        { "", 0x0001, "" },
        { "pasted", 0x000B, "from a PDF" },
        { "form", 0x000C, "feed" },
        { "c1 ", 0x0085, " control" },
        { "delete ", 0x007F, "" },
        { "non-character ", 0xFFFE, "" },
        { "non-character ", 0xFFFF, "" },
        { "lone high ", 0xD800, " surrogate" },
        { "lone low ", 0xDC00, " surrogate" },
        { "high at the end ", 0xD83D, "" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void IndexOfInvalidCharacter_FindsTheFirstOne(string before, int codePoint, string after)
    {
        var text = before + (char)codePoint + after;

        Assert.Equal(before.Length, DocumentText.IndexOfInvalidCharacter(text));
    }

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
        var sanitized = DocumentText.Sanitize("a\u0000b\u000Bc 🌍 " + (char)0xD800 + "d\uFFFEe");

        Assert.Equal("abc 🌍 de", sanitized);
        Assert.Equal(-1, DocumentText.IndexOfInvalidCharacter(sanitized));
    }

    /// The vectorised scan against the character-by-character definition, on random text mixing
    /// ASCII, accents, pairs, lone surrogates and controls.
    [Fact]
    public void IndexOfInvalidCharacter_AgreesWithACharacterByCharacterScan_OnRandomText()
    {
        var random = new Random(20261205);
        char[] pool = ['a', ' ', 'é', '\t', '\n', '\u0001', '\u007F', '\u0085', '\uFFFE', '\uD83C', '\uDF0D', '气', '\u00A0'];
        for (var run = 0; run < 2000; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => random.Next(10) < 7 ? 'x' : pool[random.Next(pool.Length)]).ToArray());
            Assert.Equal(Reference(text), DocumentText.IndexOfInvalidCharacter(text));
        }
    }

    private static int Reference(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            var allowed = c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');
            if (!allowed)
                return i;
        }
        return -1;
    }
}
