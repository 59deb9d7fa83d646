using FinanceBuilder.Templates.Text;

namespace FinanceBuilder.Templates.Tests.Text;

/// Arabic letters take the form their neighbours call for, as a shaping engine would give them.
public sealed class ArabicFormsTests
{
    [Theory]
    [InlineData("سلام", "\uFEB3\uFEFC\uFEE1")] // seen initial, lam-alef final ligature, meem isolated (alef does not join forward)
    [InlineData("مرحبا", "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E")] // meem initial, reh final, hah initial, beh medial, alef final
    [InlineData("بالعالم", "\uFE91\uFE8E\uFEDF\uFECC\uFE8E\uFEDF\uFEE2")]
    [InlineData("لا", "\uFEFB")] // lam-alef alone: the isolated ligature
    [InlineData("دار", "\uFEA9\uFE8D\uFEAD")] // dal, alef and reh never join forwards: three isolated letters
    [InlineData("بِسْم", "\uFE91\u0650\uFEB4\u0652\uFEE2")] // marks sit on letters without breaking the joins
    [InlineData("پارک", "\uFB58\uFE8E\uFEAD\uFB8E")] // Persian peh and keheh
    public void Letters_TakeTheirJoinedForms(string logical, string shaped) =>
        Assert.Equal(shaped, ArabicForms.Shape(logical));

    [Theory]
    [InlineData("Cotonou 2030")]
    [InlineData("שלום")]
    [InlineData("")]
    public void OtherText_IsUnchanged(string text) =>
        Assert.Same(text, ArabicForms.Shape(text));
}
