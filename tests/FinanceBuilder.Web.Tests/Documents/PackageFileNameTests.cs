using FinanceBuilder.Web.Features.Documents.Packages;

namespace FinanceBuilder.Web.Tests.Documents;

/// Package file names follow the pack's pattern and are safe everywhere: ASCII letters, digits, hyphens.
public sealed class PackageFileNameTests
{
    [Theory]
    [InlineData("CN-{entity}-{date}", "Agence Française de Développement", "CN-Agence-Francaise-de-Developpement-20261129")]
    [InlineData("FP-{entity}-{date}", "CAF – Banco de Desarrollo de America Latina y el Caribe", "FP-CAF-Banco-de-Desarrollo-de-America-20261129")]
    [InlineData("SAP-{entity}-{date}", null, "SAP-proposal-20261129")]
    [InlineData("SAP-{entity}-{date}", "../../etc/passwd", "SAP-etc-passwd-20261129")]
    [InlineData("SAP-{entity}-{date}", "مرحبا 🌍", "SAP-proposal-20261129")]
    [InlineData("{entity}", "\"; rm -rf / #", "rm-rf")]
    public void Stem_IsThePatternWithASafeEntity(string pattern, string? entity, string expected) =>
        Assert.Equal(expected, PackageFileName.Stem(pattern, entity, new DateOnly(2026, 11, 29)));
}
