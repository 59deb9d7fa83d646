using System.Globalization;
using FinanceBuilder.Web.Features.Monitoring;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Tests.Localization;

/// What typed text outside a proposal may hold (issue 19): a name is one line; a comment keeps
/// its line breaks and tabs; neither takes another control character.
public sealed class TypedTextTests
{
    [Theory]
    [InlineData("Commune de Dassa-Zoumé", false, -1)]
    [InlineData("Ville de Saint-Louis 🌍", false, -1)]
    [InlineData("Dassa\tZoumé", false, 5)]
    [InlineData("Dassa\nadmin", false, 5)]
    [InlineData("Line one\r\n\tLine two", true, -1)]
    [InlineData("Bell\u0007", true, 4)]
    [InlineData("Esc\u001B[31m", true, 3)]
    [InlineData("Next line\u0085", true, 9)]
    [InlineData(null, false, -1)]
    public void RefusedCharacters(string? text, bool multiLine, int index) =>
        Assert.Equal(index, TypedText.IndexOfRefused(text, multiLine));

    [Fact]
    public void AMonitoringComment_WithAControlCharacter_IsRefused_InTheReadersLanguage()
    {
        Assert.Null(RoundComments.Problem("Values checked\r\nwith the district.", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("The comment contains the control character U+000C, which cannot be saved; remove it (it often comes from pasting from a PDF).",
            RoundComments.Problem("Page\u000Cbreak", CultureInfo.GetCultureInfo("en")));
        Assert.StartsWith("Le commentaire contient le caractère de contrôle U+000C", RoundComments.Problem("Page\u000Cbreak", CultureInfo.GetCultureInfo("fr")), StringComparison.Ordinal);
    }
}
