using System.Text.Json;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Proposals.Json;

namespace FinanceBuilder.Web.Catalogue;

/// A catalogue action as JSON: the proposal format's options (camelCase, enums by name, strict),
/// so the public API and the stored records read like the proposal files.
public static class ActionJson
{
    public static string Serialize(CatalogueAction action) => JsonSerializer.Serialize(action, ProposalJson.Options);

    public static CatalogueAction FromStored(string document) => JsonSerializer.Deserialize<CatalogueAction>(document, ProposalJson.Options)!;
}
