using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.Documents.Packages;

/// Which language a proposal's documents are written in when nobody chose one. A proposal may be
/// written in any language the model accepts (English, French, Spanish), but a pack writes only
/// the languages it has texts for (English and French today). The documents take the answers'
/// language when the pack has it, and English otherwise — the GCF's working language — so a
/// Spanish proposal gets English documents by default instead of failing late on a value that
/// was accepted at import. The proposal's page and the package page say so (issue 21).
public static class DocumentLanguages
{
    public const string Fallback = "en";

    /// The default language of <paramref name="pack"/>'s documents for answers in <paramref name="answers"/>.
    public static string DefaultFor(Language answers, TemplatePack pack) => DefaultFor(answers, pack.Sections.Keys);

    public static string DefaultFor(Language answers, IEnumerable<string> available)
    {
        var code = Code(answers);
        return available.Contains(code, StringComparer.Ordinal) ? code : Fallback;
    }

    /// The default over every pack (the answers' language if some pack writes it).
    public static string DefaultFor(Language answers, TemplatePacks packs) => DefaultFor(answers, packs.Packs.Values.SelectMany(p => p.Sections.Keys));

    /// Whether some pack writes documents in the answers' own language.
    public static bool Writes(Language answers, TemplatePacks packs) => DefaultFor(answers, packs) == Code(answers);

    public static string Code(Language language) => language.ToString().ToLowerInvariant();
}

/// <see cref="Proposals.IDocumentsLanguage"/> over the installed packs.
public sealed class PackDocumentsLanguage(TemplatePacks packs) : Proposals.IDocumentsLanguage
{
    public string DefaultFor(Language answers) => DocumentLanguages.DefaultFor(answers, packs);
}
