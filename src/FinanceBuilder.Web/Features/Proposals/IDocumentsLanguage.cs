namespace FinanceBuilder.Web.Features.Proposals;

/// Which language a proposal's documents take when nobody chooses one, asked by the import so it
/// can say so (issue 21). The documents feature knows the templates and answers it
/// (Documents/Packages/DocumentLanguages); the proposals feature sits below it, so it asks
/// through this interface.
public interface IDocumentsLanguage
{
    /// The code ("en", "fr") of the documents' default language for answers in <paramref name="answers"/>.
    string DefaultFor(FinanceBuilder.Web.Proposals.Model.Language answers);
}
