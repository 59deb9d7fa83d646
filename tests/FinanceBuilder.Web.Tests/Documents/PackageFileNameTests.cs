using FinanceBuilder.Web.Features.Documents.Packages;

namespace FinanceBuilder.Web.Tests.Documents;

/// Package file names follow the pack's pattern and are safe everywhere (ASCII letters, digits,
/// hyphens); they name the project first, so two communes served by the same accredited entity
/// never get the same names.
public sealed class PackageFileNameTests
{
    private const string Pattern = "CN-{project}-{version}-{lang}-{date}";
    private static readonly DateOnly Date = new(2026, 11, 29);

    [Theory]
    [InlineData("Tamale Solar Public Buildings and LED Street Lighting Project", "Agence Française de Développement", "V.002", "fr", "CN-Tamale-Solar-Public-Buildings-and-LED-V002-FR-20261129")]
    [InlineData("Assainissement pluvial de Cotonou", "Agence Française de Développement", null, "en", "CN-Assainissement-pluvial-de-Cotonou-EN-20261129")]
    [InlineData(null, "CAF – Banco de Desarrollo de America Latina y el Caribe", null, "es", "CN-CAF-Banco-de-Desarrollo-de-America-ES-20261129")]
    [InlineData("Saint-Louis, Sénégal : préparer la protection contre l’érosion côtière", null, "V.002", "fr", "CN-Saint-Louis-Senegal-preparer-V002-FR-20261129")]
    [InlineData(null, null, null, "en", "CN-proposal-EN-20261129")]
    [InlineData("../../etc/passwd", null, null, "en", "CN-etc-passwd-EN-20261129")]
    [InlineData("مرحبا 🌍", null, null, "en", "CN-proposal-EN-20261129")]
    [InlineData("\"; rm -rf / #", null, "V.001", "fr", "CN-rm-rf-V001-FR-20261129")]
    public void Stem_IsThePatternWithSafeParts(string? project, string? entity, string? version, string language, string expected) =>
        Assert.Equal(expected, PackageFileName.Stem(Pattern, new FileNameParts(project, entity, version, language, Date)));

    [Fact]
    public void TwoCommunes_WithTheSameAccreditedEntity_GetDifferentNames()
    {
        var tamale = PackageFileName.Stem(Pattern, new FileNameParts("Tamale street lighting", "Agence Française de Développement", null, "en", Date));
        var cotonou = PackageFileName.Stem(Pattern, new FileNameParts("Cotonou drainage", "Agence Française de Développement", null, "en", Date));

        Assert.NotEqual(tamale, cotonou);
    }
}
